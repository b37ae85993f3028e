import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../platform/jobs/jobs.rules.ts';
import {
  attemptsToSpan,
  classifyAddress,
  DAY_MS,
  deliveryBody,
  embeddedIPv4,
  eventEnvelope,
  hostOf,
  ipv6Bytes,
  isLocalhostName,
  isSuccessStatus,
  newSecret,
  retrySpanMs,
  signature,
  subscribes,
  unixSeconds,
  verifySignature,
  WEBHOOK_MAX_ATTEMPTS,
} from './webhooks.rules.ts';

describe('which subscription gets an event', () => {
  it.each([
    [[], 'deal.won', true],
    [['deal.won'], 'deal.won', true],
    [['deal.won', 'deal.lost'], 'deal.lost', true],
    [['deal.won'], 'deal.lost', false],
    [['customer.created'], 'customer.updated', false],
  ])('types %j, event %s → %s', (types, type, expected) => {
    expect(subscribes(types, type)).toBe(expected);
  });
});

describe('the signature', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"deal.won"}';

  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed by the secret', () => {
    const expected = createHmac('sha256', secret).update(`1767574800.${body}`).digest('hex');
    expect(signature(secret, 1767574800, body)).toBe(`v1=${expected}`);
    expect(signature(secret, 1767574800, body)).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('verifies as a receiver would: same secret, same raw body, a fresh timestamp', () => {
    const now = new Date('2026-01-05T01:00:00Z');
    const ts = unixSeconds(now);
    const header = { signature: signature(secret, ts, body), timestamp: String(ts) };
    expect(verifySignature(secret, header, body, now)).toBe(true);
    expect(verifySignature('whsec_other', header, body, now)).toBe(false);
    expect(verifySignature(secret, header, `${body} `, now)).toBe(false);
    expect(verifySignature(secret, { ...header, timestamp: String(ts + 1) }, body, now)).toBe(false);
    // Replays: older (or newer) than the tolerance are refused even with a right signature.
    expect(verifySignature(secret, header, body, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifySignature(secret, header, body, new Date(now.getTime() + 299_000))).toBe(true);
    // Several values (during a secret rotation on the receiver's side): any one that matches will do.
    expect(verifySignature(secret, { ...header, signature: `v1=deadbeef, ${header.signature}` }, body, now)).toBe(true);
  });

  it('makes secrets of 32 random bytes, base64url, behind whsec_', () => {
    expect(newSecret(() => Buffer.alloc(32, 0xff))).toBe(`whsec_${'_'.repeat(42)}8`);
    const a = newSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
  });
});

describe('the body', () => {
  it('is the envelope { id, type, createdAt, orgId, data } in that order, whatever order the stored payload has', () => {
    const envelope = eventEnvelope({ id: 'e', type: 't', createdAt: new Date('2026-01-05T01:00:00Z'), orgId: 'o', data: { a: 1 } });
    const stored = { data: { a: 1 }, orgId: 'o', createdAt: '2026-01-05T01:00:00.000Z', type: 't', id: 'e' };
    expect(deliveryBody(stored)).toBe('{"id":"e","type":"t","createdAt":"2026-01-05T01:00:00.000Z","orgId":"o","data":{"a":1}}');
    expect(deliveryBody(stored)).toBe(JSON.stringify(envelope));
  });
});

describe('address classification (SSRF guard)', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', 'public'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('reads IPv6 text into its 16 bytes and finds an IPv4 address inside', () => {
    expect(Array.from(ipv6Bytes('::1') ?? [])).toEqual([...Array(15).fill(0), 1]);
    expect(Array.from(ipv6Bytes('1:2::') ?? []).slice(0, 4)).toEqual([0, 1, 0, 2]);
    expect(ipv6Bytes('1.2.3.4')).toBeNull();
    expect(embeddedIPv4(ipv6Bytes('::ffff:192.168.0.1') as Uint8Array)).toBe('192.168.0.1');
    expect(embeddedIPv4(ipv6Bytes('2606:4700::1') as Uint8Array)).toBeNull();
  });

  it('takes the host from a URL as a resolver wants it', () => {
    expect(hostOf('http://[::1]/')).toBe('::1');
    expect(hostOf('http://127.1/')).toBe('127.0.0.1');
    expect(hostOf('http://0x7f000001/')).toBe('127.0.0.1');
    expect(hostOf('https://Hooks.Example.COM./in')).toBe('hooks.example.com');
    expect(isLocalhostName('localhost')).toBe(true);
    expect(isLocalhostName('api.localhost')).toBe(true);
    expect(isLocalhostName('localhost.example.com')).toBe(false);
  });
});

describe('retries', () => {
  it('counts 2xx as delivered and everything else (redirects included) as a failure', () => {
    expect([200, 201, 204, 299].every(isSuccessStatus)).toBe(true);
    expect([199, 301, 302, 400, 410, 500, 503].some(isSuccessStatus)).toBe(false);
  });

  it('spans at least 24 hours from the first attempt to the last, even with the jitter at its lowest', () => {
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(19);
    expect(retrySpanMs(WEBHOOK_MAX_ATTEMPTS, () => 0)).toBeGreaterThanOrEqual(DAY_MS);
    // One attempt fewer would not: 19 is the fewest.
    expect(retrySpanMs(WEBHOOK_MAX_ATTEMPTS - 1, () => 0)).toBeLessThan(DAY_MS);
    expect(attemptsToSpan(DAY_MS)).toBe(WEBHOOK_MAX_ATTEMPTS);
    // By hand: 2 s doubling to 16,384 s (14 delays, 32,766 s), then 4 × the 6 h cap = 119,166 s; at 0.8 × that, 95,332.8 s ≈ 26.5 h.
    expect(retrySpanMs(WEBHOOK_MAX_ATTEMPTS, () => 0)).toBe(Math.round(0.8 * 32_766_000) + 4 * Math.round(0.8 * 21_600_000));
    expect(retrySpanMs(WEBHOOK_MAX_ATTEMPTS, () => 0.5)).toBe(119_166_000);
  });

  it('sums exactly the delays the queue waits between attempts', () => {
    let sum = 0;
    for (let n = 1; n < 5; n++) sum += retryDelayMs(n, () => 0.5);
    expect(retrySpanMs(5, () => 0.5)).toBe(sum);
    expect(sum).toBe(2_000 + 4_000 + 8_000 + 16_000);
  });
});
