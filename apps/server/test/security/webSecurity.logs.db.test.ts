import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { PASSWORD, seedOrg, signIn, type TestApp } from '../testApp.ts';
import { createTestDatabase } from '../testDatabase.ts';

/**
 * Secrets never logged (issue 11, item 3): the server's own logger (createLogger, as main.ts builds it) at
 * its most verbose level, writing to a stream the test reads, while people sign in, fail to, reset and
 * change passwords, create and use API tokens and create webhook secrets.
 */

const lines: string[] = [];
const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
const database = await createTestDatabase();
const clock = manualClock();
const app = await buildApp({ database, clock, logger, settings: { loginRateLimit: 10_000, webhookAllowPrivate: true } });
await app.ready();
const t = { app, database, clock, db: database.db } as TestApp;
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Every secret value the flows below handle: none may appear in any log line. */
const secrets: Record<string, string> = {};
const logText = () => lines.join('\n');

beforeAll(async () => {
  const { admin } = await seedOrg(t);
  const me = (await admin.get('/api/v1/auth/me')).json();
  secrets.password = PASSWORD;
  secrets.sessionCookie = String(admin.auth.cookie);
  secrets.csrfToken = String(admin.auth.csrf);

  const wrong = 'Wrong-Passw0rd-in-log?';
  secrets.wrongPassword = wrong;
  const failed = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: me.user.email, password: wrong } });
  expect(failed.statusCode).toBe(401);

  const user = await admin.post('/api/v1/users', { name: '李娜', email: 'lina@logs.test', role: 'rep', password: 'Initial-Passw0rd-7' });
  expect(user.statusCode).toBe(201);
  secrets.newUserPassword = 'Initial-Passw0rd-7';
  const ticket = await admin.post(`/api/v1/users/${user.json().id}/password-reset`);
  expect(ticket.statusCode).toBe(201);
  secrets.resetToken = ticket.json().token;
  secrets.resetPassword = 'After-Reset-Passw0rd-8';
  const reset = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    payload: { token: secrets.resetToken, newPassword: secrets.resetPassword },
  });
  expect(reset.statusCode).toBe(204);
  const rep = await signIn(t, 'lina@logs.test', secrets.resetPassword);
  secrets.repCookie = String(rep.auth.cookie);
  secrets.changedPassword = 'Changed-Passw0rd-9';
  const changed = await rep.post('/api/v1/auth/change-password', {
    currentPassword: secrets.resetPassword,
    newPassword: secrets.changedPassword,
  });
  expect(changed.statusCode).toBe(204);

  const token = await admin.post('/api/v1/api-tokens', { name: 'integration' });
  expect(token.statusCode).toBe(201);
  secrets.apiToken = token.json().token;
  const used = await app.inject({ method: 'GET', url: '/api/v1/customers', headers: { authorization: `Bearer ${secrets.apiToken}` } });
  expect(used.statusCode).toBe(200);
  const wrongToken = `${secrets.apiToken.slice(0, -4)}zzzz`;
  secrets.wrongApiToken = wrongToken;
  const refused = await app.inject({ method: 'GET', url: '/api/v1/customers', headers: { authorization: `Bearer ${wrongToken}` } });
  expect(refused.statusCode).toBe(401);

  const hook = await admin.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hooks/tierline', eventTypes: [] });
  expect(hook.statusCode).toBe(201);
  secrets.webhookSecret = hook.json().secret;
  const rotated = await admin.post(`/api/v1/webhooks/${hook.json().id}/rotate-secret`);
  expect(rotated.statusCode).toBe(200);
  secrets.rotatedSecret = rotated.json().secret;
});

describe('the server log', () => {
  it('logged the requests (so the check below looks at real output)', () => {
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries.filter((e) => e.msg === 'incoming request').length).toBeGreaterThan(10);
    expect(logText()).toContain('/api/v1/auth/login');
    expect(logText()).toContain('/api/v1/auth/password-reset');
    expect(logText()).toContain('/api/v1/api-tokens');
  });

  it('holds no password, session, CSRF or API token, reset token or webhook secret', () => {
    expect(Object.keys(secrets).length).toBe(13);
    const text = logText();
    for (const [what, value] of Object.entries(secrets)) {
      expect(value.length, what).toBeGreaterThanOrEqual(10);
      expect(text.includes(value), `${what} appears in the log`).toBe(false);
    }
  });

  it('redacts credentials even when a log call passes headers or a body by mistake', () => {
    const before = lines.length;
    logger.info(
      {
        req: { headers: { authorization: 'Bearer leak-1', cookie: 'tl_session=leak-2', 'x-csrf-token': 'leak-3' } },
        res: { headers: { 'set-cookie': 'tl_session=leak-4' } },
        body: { password: 'leak-5', newPassword: 'leak-6', token: 'leak-7', secret: 'leak-8' },
        password: 'leak-9',
      },
      'careless log call',
    );
    const written = lines.slice(before).join('\n');
    expect(written).toContain('careless log call');
    expect(written).toContain('[Redacted]');
    expect(written).not.toMatch(/leak-\d/);
  });
});
