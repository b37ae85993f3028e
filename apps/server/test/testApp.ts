import type { TRole } from '@tierline/contracts';
import pino from 'pino';
import { afterAll } from 'vitest';
import { type AppSettings, buildApp } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { hashPassword } from '../src/modules/auth/credentials.ts';
import { createOrganisation } from '../src/modules/orgs/orgs.usecases.ts';
import { insertUserRow } from '../src/modules/users/users.repository.ts';
import { manualClock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { createTestDatabase } from './testDatabase.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export const PASSWORD = 'Correct-Horse-9';

/** The real app on a fresh real database, with a clock the test moves. Closed after the file. */
export async function createTestApp(settings: Partial<AppSettings> = {}) {
  const database = await createTestDatabase();
  const clock = manualClock();
  // TEST_LOG=1 shows the server's errors while debugging a test.
  const logger = process.env.TEST_LOG ? pino({ level: 'error' }) : undefined;
  const app = await buildApp({ database, clock, logger, settings: { loginRateLimit: 10_000, ...settings } });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, clock, db: database.db };
}

type InjectResult = Awaited<ReturnType<TestApp['app']['inject']>>;

/** Calls the API as someone: a session (cookie + CSRF token), an API token, or nobody. */
export class Caller {
  constructor(
    private readonly t: TestApp,
    readonly auth: { cookie?: string; csrf?: string; bearer?: string } = {},
    readonly userId?: string,
    readonly orgId?: string,
  ) {}

  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<InjectResult> {
    const h: Record<string, string> = { ...headers };
    if (this.auth.cookie) h.cookie = `tl_session=${this.auth.cookie}`;
    if (this.auth.csrf && method !== 'GET') h['x-csrf-token'] = this.auth.csrf;
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    return this.t.app.inject({
      method,
      url,
      headers: h,
      payload: body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

export const anonymous = (t: TestApp) => new Caller(t);

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Caller> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tl_session')?.value;
  const body = res.json();
  return new Caller(t, { cookie, csrf: body.csrfToken }, body.user.id, body.user.orgId);
}

let seq = 0;
/** An organisation with its admin, signed in. */
export async function seedOrg(t: TestApp, name = `Org ${++seq}`) {
  const email = `admin${++seq}@${name.toLowerCase().replace(/\W+/g, '')}.test`;
  const { orgId } = await t.db.transaction((tx) =>
    createOrganisation(tx, { orgName: name, admin: { name: 'Admin', email, password: PASSWORD } }, t.clock.now()),
  );
  const admin = await signIn(t, email);
  return { orgId, admin };
}

/** A user of the organisation written straight to the database, then signed in. */
export async function seedUser(t: TestApp, orgId: string, role: TRole, extra: { teamId?: string; levelId?: string; name?: string } = {}) {
  const email = `${role}${++seq}@users.test`;
  const now = t.clock.now();
  await insertUserRow(t.db, {
    orgId,
    id: newId(),
    email,
    name: extra.name ?? `${role} ${seq}`,
    role,
    teamId: extra.teamId ?? null,
    levelId: extra.levelId ?? null,
    passwordHash: await hashPassword(PASSWORD),
    createdAt: now,
    updatedAt: now,
  });
  return signIn(t, email);
}

export type { Database };
