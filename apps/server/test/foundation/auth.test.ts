import { describe, expect, it } from 'vitest';
import { anonymous, Caller, createTestApp, PASSWORD, seedOrg, seedUser, signIn } from '../testApp.ts';

const t = await createTestApp({ lockout: { maxFailures: 3, lockMs: 60_000 } });
const { orgId, admin } = await seedOrg(t, 'Acme');

async function emailOf(caller: Caller) {
  return (await caller.get('/api/v1/auth/me')).json().user.email as string;
}

describe('sign-in and sessions', () => {
  it('signs in with email and password, sets an httpOnly SameSite=Lax cookie, and knows who I am', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const email = await emailOf(rep);
    const res = await anonymous(t).post('/api/v1/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(res.json().user).toMatchObject({ email, role: 'rep', orgName: 'Acme' });
  });

  it('issues a new session id at each sign-in', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const email = await emailOf(rep);
    const a = await signIn(t, email);
    const b = await signIn(t, email);
    expect(a.auth.cookie).not.toBe(b.auth.cookie);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 and the same answer for an unknown email', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const wrong = await anonymous(t).post('/api/v1/auth/login', { email: await emailOf(rep), password: 'nope-nope-nope' });
    const unknown = await anonymous(t).post('/api/v1/auth/login', { email: 'ghost@nowhere.test', password: 'nope-nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks the account after repeated wrong passwords (429), and the right password works after the lockout', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const email = await emailOf(rep);
    const attempt = (password: string) => anonymous(t).post('/api/v1/auth/login', { email, password });
    expect((await attempt('wrong-1-wrong')).statusCode).toBe(401);
    expect((await attempt('wrong-2-wrong')).statusCode).toBe(401);
    const locked = await attempt('wrong-3-wrong');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().detail).toMatch(/locked/);
    // Even the right password is refused while locked.
    expect((await attempt(PASSWORD)).statusCode).toBe(429);
    t.clock.advance(61_000);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per IP address', async () => {
    const strict = await createTestApp({ loginRateLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await anonymous(strict).post('/api/v1/auth/login', { email: 'x@y.test', password: 'whatever-1' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('logs out: the session no longer works', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    expect((await rep.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('needs a sign-in for /me', async () => {
    const res = await anonymous(t).get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect((await new Caller(t, { cookie: 'forged' }).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated unsafe request without the CSRF token', async () => {
    const noCsrf = new Caller(t, { cookie: admin.auth.cookie });
    const res = await noCsrf.post('/api/v1/teams', { name: 'Sneaky' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const wrong = new Caller(t, { cookie: admin.auth.cookie, csrf: 'x'.repeat(43) });
    expect((await wrong.post('/api/v1/teams', { name: 'Sneaky' })).statusCode).toBe(403);
    expect((await admin.get('/api/v1/teams')).json().data.map((x: { name: string }) => x.name)).not.toContain('Sneaky');
  });
});

describe('passwords', () => {
  it('changes my password: the old one stops working, other sessions end, this one stays', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const email = await emailOf(rep);
    const other = await signIn(t, email);
    const bad = await rep.post('/api/v1/auth/change-password', { currentPassword: 'not-it-at-all', newPassword: 'New-Password-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('currentPassword');
    const weak = await rep.post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.json().errors[0].path).toBe('newPassword');
    expect((await rep.post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword: 'New-Password-1' })).statusCode).toBe(
      204,
    );
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await anonymous(t).post('/api/v1/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
    await signIn(t, email, 'New-Password-1');
  });

  it('resets a password with a one-time token an admin issued; the token works once and expires', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const email = await emailOf(rep);
    const ticket = (await admin.post(`/api/v1/users/${rep.userId}/password-reset`)).json();
    expect(ticket.token).toBeTruthy();
    const reset = (token: string) => anonymous(t).post('/api/v1/auth/password-reset', { token, newPassword: 'Reset-Password-1' });
    expect((await reset(ticket.token)).statusCode).toBe(204);
    expect((await reset(ticket.token)).statusCode).toBe(400);
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(401);
    await signIn(t, email, 'Reset-Password-1');
    const later = (await admin.post(`/api/v1/users/${rep.userId}/password-reset`)).json();
    t.clock.advance(25 * 3600_000);
    expect((await reset(later.token)).json().errors[0].path).toBe('token');
  });

  it('never lets a rep issue a reset token', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    expect((await rep.post(`/api/v1/users/${rep.userId}/password-reset`)).statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, acts with my rights, and stops working when revoked', async () => {
    const rep = await seedUser(t, orgId, 'rep');
    const created = await rep.post('/api/v1/api-tokens', { name: 'integration' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tl_/);
    const listed = (await rep.get('/api/v1/api-tokens')).json().data;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token);

    const viaToken = new Caller(t, { bearer: token });
    expect((await viaToken.get('/api/v1/auth/me')).json().user.id).toBe(rep.userId);
    // A rep's token has a rep's rights: no admin writes, and no CSRF token needed.
    expect((await viaToken.post('/api/v1/teams', { name: 'By token' })).statusCode).toBe(403);

    expect((await admin.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(404); // not the admin's token
    expect((await rep.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    const revoked = await viaToken.get('/api/v1/auth/me');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid_token');
  });

  it('lets an admin token write', async () => {
    const { token } = (await admin.post('/api/v1/api-tokens', { name: 'ops' })).json();
    const res = await new Caller(t, { bearer: token }).post('/api/v1/teams', { name: 'Made by token' });
    expect(res.statusCode).toBe(201);
  });
});

describe('first start and sign-up', () => {
  it('offers setup only while no user exists, then refuses it', async () => {
    const fresh = await createTestApp();
    expect((await anonymous(fresh).get('/api/v1/setup')).json()).toEqual({ setupRequired: true, signupAllowed: false });
    const body = { orgName: 'First', name: 'Founder', email: 'founder@first.test', password: 'Founder-Pass-1' };
    const [a, b] = await Promise.all([
      anonymous(fresh).post('/api/v1/setup', body),
      anonymous(fresh).post('/api/v1/setup', { ...body, email: 'second@first.test' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 403]);
    expect((await anonymous(fresh).get('/api/v1/setup')).json().setupRequired).toBe(false);
    const winner = a.statusCode === 201 ? a : b;
    expect(winner.json().user.role).toBe('admin');
  });

  it('refuses sign-up unless allowed; when allowed it creates a new organisation', async () => {
    const body = { orgName: 'Newco', name: 'Nia', email: 'nia@newco.test', password: 'Newco-Pass-12' };
    expect((await anonymous(t).post('/api/v1/auth/signup', body)).statusCode).toBe(403);
    const open = await createTestApp({ allowSignup: true });
    const res = await anonymous(open).post('/api/v1/auth/signup', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ role: 'admin', orgName: 'Newco' });
    const again = await anonymous(open).post('/api/v1/auth/signup', { ...body, orgName: 'Other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('email');
  });
});
