import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP, isIPv4 } from 'node:net';
import { retryDelayMs } from '../../platform/jobs/jobs.rules.ts';

/** Pure rules of webhooks: which subscription gets an event, the signature, which addresses are refused, the retry span. */

// ── events ────────────────────────────────────────────────────────────────────────────────────────

/** A subscription gets an event when it names the event's type, or names none (every event, later ones included). */
export function subscribes(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}

/** What is posted for an event, in a fixed key order (the body is signed as sent). */
export type EventEnvelope = { id: string; type: string; createdAt: string; orgId: string; data: unknown };

export function eventEnvelope(e: { id: string; type: string; createdAt: Date | string; orgId: string; data: unknown }): EventEnvelope {
  return {
    id: e.id,
    type: e.type,
    createdAt: typeof e.createdAt === 'string' ? e.createdAt : e.createdAt.toISOString(),
    orgId: e.orgId,
    data: e.data,
  };
}

/** The request body for a stored payload: the envelope's keys in their order (jsonb keeps its own order). */
export function deliveryBody(payload: Record<string, unknown>): string {
  const { id, type, createdAt, orgId, data } = payload as EventEnvelope;
  return JSON.stringify({ id, type, createdAt, orgId, data });
}

// ── secret and signature ──────────────────────────────────────────────────────────────────────────

export const SECRET_PREFIX = 'whsec_';

/** 32 random bytes, base64url, behind `whsec_`. */
export function newSecret(random: (n: number) => Buffer = randomBytes): string {
  return `${SECRET_PREFIX}${random(32).toString('base64url')}`;
}

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the key being the whole secret string as UTF-8. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Unix seconds, as sent in `tierline-timestamp`. */
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * What a receiver does (decision 0022): recompute the signature over the timestamp and the raw body,
 * compare in constant time with any `v1=` value of the header, and refuse a timestamp older or newer
 * than `toleranceSeconds` (a replayed request).
 */
export function verifySignature(
  secret: string,
  header: { signature: string; timestamp: string },
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(unixSeconds(now) - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  return header.signature
    .split(/[ ,]+/)
    .filter((v) => v.startsWith('v1='))
    .some((v) => {
      const given = Buffer.from(v);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

// ── addresses ─────────────────────────────────────────────────────────────────────────────────────

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'reserved'
  | 'invalid';

function blockList(v4: [string, number][], v6: [string, number][]) {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

/** Checked in this order; the first that holds names the address. */
const CLASSES: [AddressClass, BlockList][] = [
  ['unspecified', blockList([['0.0.0.0', 8]], [['::', 128]])],
  ['loopback', blockList([['127.0.0.0', 8]], [['::1', 128]])],
  [
    'private',
    blockList(
      [
        ['10.0.0.0', 8],
        ['172.16.0.0', 12],
        ['192.168.0.0', 16],
        ['100.64.0.0', 10], // carrier-grade NAT, shared address space
      ],
      [
        ['fec0::', 10], // site-local (deprecated, still routed inside sites)
        ['64:ff9b:1::', 48], // local-use NAT64
      ],
    ),
  ],
  ['link-local', blockList([['169.254.0.0', 16]], [['fe80::', 10]])],
  ['unique-local', blockList([], [['fc00::', 7]])],
  ['multicast', blockList([['224.0.0.0', 4]], [['ff00::', 8]])],
  [
    'reserved',
    blockList(
      [
        ['192.0.0.0', 24], // IETF protocol assignments
        ['192.0.2.0', 24], // documentation
        ['198.18.0.0', 15], // benchmarking
        ['198.51.100.0', 24],
        ['203.0.113.0', 24],
        ['240.0.0.0', 4], // reserved, 255.255.255.255 included
      ],
      [
        ['100::', 64], // discard
        ['2001:db8::', 32], // documentation
      ],
    ),
  ],
];

/** The 16 bytes of an IPv6 address (a zone `%eth0` ignored), or null when it is not one. */
export function ipv6Bytes(text: string): Uint8Array | null {
  let s = text.split('%')[0];
  if (isIP(s) !== 6) return null;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number);
    s = `${s.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = s.split('::');
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest === undefined ? null : rest ? rest.split(':') : [];
  const groups =
    restGroups === null ? headGroups : [...headGroups, ...Array(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups];
  if (groups.length !== 8) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = Number.parseInt(g, 16);
    bytes[2 * i] = n >> 8;
    bytes[2 * i + 1] = n & 0xff;
  });
  return bytes;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const v4At = (bytes: Uint8Array, at: number) => Array.from(bytes.slice(at, at + 4)).join('.');

/**
 * The IPv4 address an IPv6 address carries to an IPv4 host, if any: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). Such an
 * address is as private as the IPv4 address it reaches.
 */
export function embeddedIPv4(bytes: Uint8Array): string | null {
  const zeros = (n: number) => Array(n).fill(0);
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return v4At(bytes, 12);
  if (startsWith(bytes, zeros(12)) && !(startsWith(bytes.slice(12), zeros(3)) && bytes[15] <= 1)) return v4At(bytes, 12); // not :: or ::1
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, ...zeros(8)])) return v4At(bytes, 12);
  if (startsWith(bytes, [0x20, 0x02])) return v4At(bytes, 2);
  return null;
}

/** What kind of address an IP address (v4 or v6) is; only `public` ones are webhook targets by default. */
export function classifyAddress(address: string): AddressClass {
  const ip = address.split('%')[0];
  if (isIPv4(ip)) return CLASSES.find(([, list]) => list.check(ip, 'ipv4'))?.[0] ?? 'public';
  const bytes = ipv6Bytes(ip);
  if (!bytes) return 'invalid';
  const v4 = embeddedIPv4(bytes);
  if (v4) return classifyAddress(v4);
  return CLASSES.find(([, list]) => list.check(ip, 'ipv6'))?.[0] ?? 'public';
}

/** The host of a URL as a lookup wants it: `[::1]` → `::1`, lower case, without a trailing dot. */
export function hostOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

/** Names that always mean this machine (RFC 6761), whatever a resolver says. */
export const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

// ── delivery ──────────────────────────────────────────────────────────────────────────────────────

export const DELIVERY_TIMEOUT_MS = 10_000;

/** A receiver took the event when it answered 2xx; anything else (a redirect included) is retried. */
export const isSuccessStatus = (status: number) => status >= 200 && status <= 299;

/**
 * The shortest time from the first attempt to the last with `maxAttempts` attempts: the sum of the
 * queue's backoff delays (jobs.rules.ts) between them, with the jitter at its lowest when `random` is 0.
 */
export function retrySpanMs(maxAttempts: number, random: () => number = () => 0): number {
  let total = 0;
  for (let attempt = 1; attempt < maxAttempts; attempt++) total += retryDelayMs(attempt, random);
  return total;
}

export const DAY_MS = 24 * 60 * 60_000;

/** The fewest attempts whose retries span at least `spanMs` even with the jitter at its lowest. */
export function attemptsToSpan(spanMs: number): number {
  let attempts = 1;
  while (retrySpanMs(attempts) < spanMs) attempts++;
  return attempts;
}

/** Attempts of a delivery by the retry schedule: retries for at least 24 hours (19 with the queue's backoff, ≈ 26.5–40 h). */
export const WEBHOOK_MAX_ATTEMPTS = attemptsToSpan(DAY_MS);
