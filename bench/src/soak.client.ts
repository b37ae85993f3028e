/**
 * The soak's load client: one signed-in browser session per simulated user (cookie + CSRF token, its own keep-alive
 * connections, its own client address) and the recorder every request reports to.
 */
import http from 'node:http';

/** The budget class of a request kind (issue 10's list/record/dashboard, issue 5's timeline, issue 7's scorecards). */
export type BudgetClass = 'list' | 'record' | 'timeline' | 'dashboard' | 'scorecard' | 'write' | 'other';

type KindStats = {
  budget: BudgetClass;
  n: number;
  /** Answers with a status the request did not expect (or no answer at all). */
  errors: number;
  /** 409s of versioned writes: a concurrent edit won, an expected outcome. */
  conflicts: number;
  /** Response times of the expected answers, ms: all of them, and those after the warm-up. */
  times: number[];
  steadyTimes: number[];
  statuses: Record<string, number>;
  /** The first few unexpected answers, to say what went wrong. */
  samples: string[];
};

export class Recorder {
  readonly kinds = new Map<string, KindStats>();
  /** Requests that finished after this (performance.now()) count as steady state. */
  steadyFrom = Number.POSITIVE_INFINITY;
  /** When the run started (performance.now()): answers are also counted per minute, to show a drift over time. */
  startedAt = Number.POSITIVE_INFINITY;
  readonly minutes: { n: number; errors: number; times: number[] }[] = [];

  record(kind: string, budget: BudgetClass, outcome: { status: number; ms: number; expected: boolean; conflict: boolean; note?: string }) {
    let k = this.kinds.get(kind);
    if (!k) {
      k = { budget, n: 0, errors: 0, conflicts: 0, times: [], steadyTimes: [], statuses: {}, samples: [] };
      this.kinds.set(kind, k);
    }
    k.n++;
    const minute = Math.max(0, Math.floor((performance.now() - this.startedAt) / 60_000));
    this.minutes[minute] ??= { n: 0, errors: 0, times: [] };
    const m = this.minutes[minute];
    m.n++;
    if (!outcome.expected) m.errors++;
    else m.times.push(outcome.ms);
    const status = outcome.status === 0 ? 'network' : String(outcome.status);
    k.statuses[status] = (k.statuses[status] ?? 0) + 1;
    if (outcome.conflict) k.conflicts++;
    if (!outcome.expected) {
      k.errors++;
      if (k.samples.length < 5) k.samples.push(`${status}: ${outcome.note ?? ''}`.slice(0, 400));
      return;
    }
    k.times.push(outcome.ms);
    if (performance.now() >= this.steadyFrom) k.steadyTimes.push(outcome.ms);
  }
}

export type Answer<T = unknown> = { ok: boolean; status: number; body: T | undefined };

type RequestOptions = {
  kind: string;
  budget: BudgetClass;
  body?: unknown;
  /** Statuses that are a normal outcome besides 2xx (a 409 of a concurrent edit). */
  alsoExpected?: number[];
};

const TIMEOUT_MS = 60_000;

/**
 * A signed-in user as a browser is one: the session cookie, the CSRF token for unsafe methods, up to six keep-alive
 * connections of its own, and an X-Forwarded-For address of its own (the server runs as behind a proxy, so the per-IP
 * login limit counts each user, as it would in production, not the whole load client as one address).
 */
export class Session {
  private cookie = '';
  private csrf = '';
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  user: { id: string; role: string; teamId: string | null; email: string } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly recorder: Recorder,
    private readonly clientAddress: string,
  ) {}

  async signIn(email: string, password: string): Promise<boolean> {
    const res = await this.send('POST', '/api/v1/auth/login', { email, password });
    const ok = res.status === 200;
    this.recorder.record('auth.login', 'other', { status: res.status, ms: res.ms, expected: ok, conflict: false, note: res.text });
    if (!ok) return false;
    const session = JSON.parse(res.text) as { csrfToken: string; user: NonNullable<Session['user']> };
    this.cookie = (res.setCookie ?? '').split(';')[0];
    this.csrf = session.csrfToken;
    this.user = session.user;
    return true;
  }

  async signOut() {
    await this.request('POST', '/api/v1/auth/logout', { kind: 'auth.logout', budget: 'other' });
    this.agent.destroy();
  }

  get<T>(path: string, kind: string, budget: BudgetClass): Promise<Answer<T>> {
    return this.request<T>('GET', path, { kind, budget });
  }

  async request<T>(method: string, path: string, options: RequestOptions): Promise<Answer<T>> {
    const res = await this.send(method, path, options.body);
    const ok = res.status >= 200 && res.status < 300;
    const conflict = res.status === 409 && (options.alsoExpected ?? []).includes(409);
    const expected = ok || (options.alsoExpected ?? []).includes(res.status);
    this.recorder.record(options.kind, options.budget, {
      status: res.status,
      ms: res.ms,
      expected,
      conflict,
      note: `${method} ${path} ${res.text}`,
    });
    let body: T | undefined;
    if (ok && res.text) {
      try {
        body = JSON.parse(res.text) as T;
      } catch {
        body = undefined;
      }
    }
    return { ok, status: res.status, body };
  }

  /** One request, timed from its start to the end of its body (every body is read: an unread one holds its connection). */
  private send(method: string, path: string, body?: unknown) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { 'x-forwarded-for': this.clientAddress, accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const started = performance.now();
    type Sent = { status: number; ms: number; text: string; setCookie?: string };
    const attempt = (retried: boolean): Promise<Sent> =>
      new Promise((resolve) => {
        let answered = false;
        const req = http.request(`${this.baseUrl}${path}`, { method, headers, agent: this.agent, timeout: TIMEOUT_MS }, (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ms: performance.now() - started,
              text: Buffer.concat(chunks).toString('utf8'),
              setCookie: res.headers['set-cookie']?.[0],
            }),
          );
          res.on('error', (err) => resolve({ status: 0, ms: performance.now() - started, text: String(err) }));
        });
        req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
        req.on('error', (err: NodeJS.ErrnoException) => {
          // A kept-alive connection the server closed as idle just as the request went out: a browser sends the
          // request again on a new connection (once), and so does this client. A reset of a fresh one is an error.
          if (!answered && !retried && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) resolve(attempt(true));
          else resolve({ status: 0, ms: performance.now() - started, text: String(err) });
        });
        req.end(payload);
      });
    return attempt(false);
  }
}
