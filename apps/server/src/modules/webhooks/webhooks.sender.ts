import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describeError } from '../../platform/jobs/jobs.rules.ts';
import {
  classifyAddress,
  DELIVERY_TIMEOUT_MS,
  deliveryBody,
  hostOf,
  isLocalhostName,
  isSuccessStatus,
  signature,
  unixSeconds,
} from './webhooks.rules.ts';

/**
 * The two things of webhooks that leave the process: resolving a target's host (the SSRF guard) and
 * posting a signed event to it. Neither touches the database, so neither runs inside a transaction.
 */

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why a target may not be called, or null when it may: its host must resolve, and every address it
 * resolves to must be public (an attacker's name may carry a public and a private record). With
 * `allowPrivate` (the instance setting) any target goes.
 */
export async function targetRefusal(url: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<string | null> {
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (isLocalhostName(host)) return `${host} is this machine (loopback)`;
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return `${host} does not resolve`;
    }
  }
  if (!addresses.length) return `${host} does not resolve`;
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') return address === host ? `${host} is a ${kind} address` : `${host} resolves to ${address}, a ${kind} address`;
  }
  return null;
}

export type SendOutcome = { ok: boolean; at: Date; statusCode: number | null; durationMs: number; error: string | null };

export type Delivery = {
  url: string;
  secret: string;
  /** The stored envelope `{ id, type, createdAt, orgId, data }`. */
  payload: Record<string, unknown>;
};

/** A failure as a short line for the delivery log: what a receiver's admin can act on. */
function failureText(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `connection failed: ${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return describeError(err);
}

/**
 * Posts one event: the SSRF guard again (DNS may have changed since the subscription was saved), then
 * one POST with the signature headers, a 10 s limit and no redirects followed. Never throws: the outcome
 * says what happened, for the delivery log.
 */
export async function sendEvent(delivery: Delivery, opts: { now: Date; allowPrivate: boolean; resolve?: Resolver }): Promise<SendOutcome> {
  const at = opts.now;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = await targetRefusal(delivery.url, opts.allowPrivate, opts.resolve).catch((err) => describeError(err));
  if (refusal) return { ok: false, at, statusCode: null, durationMs: elapsed(), error: `refused: ${refusal}` };
  const body = deliveryBody(delivery.payload);
  const timestamp = unixSeconds(at);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tierline-Webhooks/1',
        'tierline-event-id': String(delivery.payload.id),
        'tierline-event-type': String(delivery.payload.type),
        'tierline-timestamp': String(timestamp),
        'tierline-signature': signature(delivery.secret, timestamp, body),
      },
      body,
    });
    // The answer's body is not kept: let the connection go.
    await response.body?.cancel().catch(() => {});
    const ok = isSuccessStatus(response.status);
    const redirect = response.status >= 300 && response.status < 400;
    const error = ok
      ? null
      : redirect
        ? `HTTP ${response.status}: redirects are not followed${response.headers.get('location') ? ` (to ${response.headers.get('location')})` : ''}`
        : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok, at, statusCode: response.status, durationMs: elapsed(), error };
  } catch (err) {
    return { ok: false, at, statusCode: null, durationMs: elapsed(), error: failureText(err) };
  }
}
