/** The load client: sign-in and API tokens over HTTP, then autocannon (or plain fetch for slow one-shot calls). */
import autocannon from 'autocannon';
import { type Summary, summarise } from './stats.ts';

export type Token = { token: string; id: string };

/** Signs in, creates an API token acting as that user, and signs out again: the load client sends `Authorization: Bearer`. */
export async function createToken(baseUrl: string, email: string, password: string): Promise<Token> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const created = await fetch(`${baseUrl}/api/v1/api-tokens`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `bench ${new Date().toISOString()}` }),
  });
  if (created.status !== 201) throw new Error(`creating an API token for ${email} failed: ${created.status} ${await created.text()}`);
  const body = (await created.json()) as { token: string; id: string };
  await (await fetch(`${baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).text();
  return { token: body.token, id: body.id };
}

export type HttpRequest = { method: 'GET' | 'POST'; path: string; body?: unknown };

export type HttpResult = Summary & {
  connections: number;
  requests: number;
  durationSec: number;
  reqPerSec: number;
  non2xx: number;
  errors: number;
  /** On one connection the variants are answered in turn, so each one's own median is known (ms, in variant order). */
  p50ByVariant?: number[];
  /** CPU time per request of the server process (and, on PostgreSQL, its database backends): less sensitive to a busy machine than wall time. */
  cpuMsPerRequest?: number;
};

function cannon(
  baseUrl: string,
  token: string,
  requests: HttpRequest[],
  options: { connections: number; amount?: number; durationSec?: number },
): Promise<{ times: number[]; result: autocannon.Result }> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        ...(options.amount === undefined ? {} : { amount: options.amount }),
        ...(options.durationSec === undefined ? {} : { duration: options.durationSec }),
        headers: { authorization: `Bearer ${token}` },
        requests: requests.map((r) => ({
          method: r.method,
          path: r.path,
          ...(r.body === undefined ? {} : { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }),
        })),
        timeout: 120,
      },
      (err, result) => (err ? reject(err) : resolve({ times, result })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
}

/**
 * Warm-up, then `amount` requests (or `durationSec` seconds) over `connections` connections, cycling through `requests`.
 * Latency percentiles are computed from every response's own time (autocannon's histogram has no p95).
 */
export async function load(
  baseUrl: string,
  token: string,
  requests: HttpRequest[],
  options: { connections: number; warmup: number; amount?: number; durationSec?: number; cpuMs?: () => Promise<number> },
): Promise<HttpResult> {
  // Check every variant once and fail loudly: a benchmark of 404s or 400s measures nothing.
  for (const r of requests) {
    const res = await fetch(`${baseUrl}${r.path}`, {
      method: r.method,
      headers: { authorization: `Bearer ${token}`, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });
    // Read every body: an unread one keeps its connection busy, and the server's shutdown then waits for it.
    const body = await res.text();
    if (!res.ok) throw new Error(`${r.method} ${r.path} answered ${res.status}: ${body.slice(0, 500)}`);
  }
  if (options.warmup > 0) await cannon(baseUrl, token, requests, { connections: options.connections, amount: options.warmup });
  const cpuBefore = await options.cpuMs?.();
  const { times, result } = await cannon(baseUrl, token, requests, options);
  const cpuAfter = await options.cpuMs?.();
  // A timed run ends with requests still in the server, their clients gone: let them finish before anything else is
  // measured (or the server is stopped, which would close the database under them).
  if (options.durationSec !== undefined) await new Promise((resolve) => setTimeout(resolve, 1000));
  const durationSec = result.duration;
  return {
    ...summarise(times),
    connections: options.connections,
    requests: times.length,
    durationSec: Math.round(durationSec * 100) / 100,
    reqPerSec: Math.round(times.length / durationSec),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    ...(options.connections === 1 && requests.length > 1
      ? { p50ByVariant: requests.map((_, k) => summarise(times.filter((_, i) => i % requests.length === k)).p50) }
      : {}),
    ...(cpuBefore === undefined || cpuAfter === undefined
      ? {}
      : { cpuMsPerRequest: Math.round(((cpuAfter - cpuBefore) / times.length) * 1000) / 1000 }),
  };
}

/** Requests whose answers are not kept: warms the server (JIT, WASM tier-up, database caches) before anything is timed. */
export async function warm(baseUrl: string, token: string, requests: HttpRequest[], amount: number): Promise<void> {
  await cannon(baseUrl, token, requests, { connections: 1, amount });
}

/** One request after another with fetch, each timed: for slow, heavy calls (tier preview and recompute). */
export async function sequential(
  baseUrl: string,
  token: string,
  requests: HttpRequest[],
  cpuMs?: () => Promise<number>,
): Promise<{ times: number[]; bodies: unknown[]; cpu: number[] }> {
  const times: number[] = [];
  const bodies: unknown[] = [];
  const cpu: number[] = [];
  for (const r of requests) {
    const cpuBefore = await cpuMs?.();
    const t = performance.now();
    const res = await fetch(`${baseUrl}${r.path}`, {
      method: r.method,
      headers: { authorization: `Bearer ${token}`, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });
    const text = await res.text();
    times.push(performance.now() - t);
    if (cpuMs && cpuBefore !== undefined) cpu.push((await cpuMs()) - cpuBefore);
    if (!res.ok) throw new Error(`${r.method} ${r.path} answered ${res.status}: ${text.slice(0, 500)}`);
    bodies.push(JSON.parse(text));
  }
  return { times, bodies, cpu };
}
