import { describe, expect, it } from 'vitest';
import { type Resolver, sendEvent, targetRefusal } from './webhooks.sender.ts';

/** A resolver answering from a table, as DNS would (no network in these tests). */
const dns =
  (records: Record<string, string[]>): Resolver =>
  async (host) => {
    const found = records[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  };

describe('the SSRF guard on a target', () => {
  const resolve = dns({
    'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'internal.example.com': ['10.1.2.3'],
    'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
    'metadata.example.com': ['169.254.169.254'],
    'v6.example.com': ['fd00::5'],
    'mapped.example.com': ['::ffff:127.0.0.1'],
  });

  it('lets a host through when every address it resolves to is public', async () => {
    expect(await targetRefusal('https://hooks.example.com/in', false, resolve)).toBeNull();
  });

  it.each([
    ['https://internal.example.com/', 'internal.example.com resolves to 10.1.2.3, a private address'],
    ['https://mixed.example.com/', 'mixed.example.com resolves to 192.168.0.10, a private address'],
    ['https://metadata.example.com/', 'metadata.example.com resolves to 169.254.169.254, a link-local address'],
    ['https://v6.example.com/', 'v6.example.com resolves to fd00::5, a unique-local address'],
    ['https://mapped.example.com/', 'mapped.example.com resolves to ::ffff:127.0.0.1, a loopback address'],
    ['https://nowhere.example.com/', 'nowhere.example.com does not resolve'],
    ['http://localhost:8080/', 'localhost is this machine (loopback)'],
    ['http://[::1]/', '::1 is a loopback address'],
    ['http://127.1/', '127.0.0.1 is a loopback address'],
  ])('refuses %s: %s', async (url, reason) => {
    expect(await targetRefusal(url, false, resolve)).toBe(reason);
  });

  it('lets anything through when the instance allows private targets, without resolving', async () => {
    const never: Resolver = async () => {
      throw new Error('must not resolve');
    };
    expect(await targetRefusal('http://10.0.0.1/', true, never)).toBeNull();
    expect(await targetRefusal('https://internal.example.com/', true, never)).toBeNull();
  });

  it('sends nothing to a refused target and says why in the outcome', async () => {
    const outcome = await sendEvent(
      { url: 'https://internal.example.com/hook', secret: 'whsec_x', payload: { id: 'e', type: 't', createdAt: '', orgId: 'o', data: {} } },
      { now: new Date('2026-01-05T01:00:00Z'), allowPrivate: false, resolve },
    );
    expect(outcome).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'refused: internal.example.com resolves to 10.1.2.3, a private address',
    });
  });
});
