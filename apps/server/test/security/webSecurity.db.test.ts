import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { anonymous, type Caller, createTestApp, PASSWORD, seedOrg, signIn } from '../testApp.ts';

/**
 * The browser-facing defences (issue 11, item 3): security headers on the API, the web app and its
 * assets; the session cookie's attributes, behind TLS or not; CSRF; user text kept as data.
 * Uploads are in webSecurity.uploads.db.test.ts, logs in webSecurity.logs.db.test.ts.
 */

const webDist = await mkdtemp(path.join(tmpdir(), 'tierline-websec-'));
// The real index page (its one script is an external module), and an asset as Vite names them.
await writeFile(path.join(webDist, 'index.html'), await readFile(new URL('../../../web/index.html', import.meta.url)));
await mkdir(path.join(webDist, 'assets'));
await writeFile(path.join(webDist, 'assets', 'index-Ab12Cd34.js'), 'console.log("tierline")\n');
afterAll(() => rm(webDist, { recursive: true, force: true }));

const t = await createTestApp({ webDist });
const behindProxy = await createTestApp({ trustProxy: true });
let admin: Caller;
let adminEmail: string;
beforeAll(async () => {
  ({ admin } = await seedOrg(t));
  adminEmail = (await admin.get('/api/v1/auth/me')).json().user.email;
});

type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json: () => any };
const header = (res: Res, name: string) => String(res.headers[name] ?? '');
const directives = (res: Res) =>
  new Map(
    header(res, 'content-security-policy')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

function expectHardened(res: Res) {
  const csp = directives(res);
  // Scripts only from our own origin: no inline script, no eval, no other host.
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(header(res, 'content-security-policy')).not.toMatch(/unsafe-eval|\*/);
  expect(header(res, 'x-content-type-options')).toBe('nosniff');
  expect(header(res, 'x-frame-options')).toBe('SAMEORIGIN');
  expect(header(res, 'referrer-policy')).toBe('no-referrer');
  expect(header(res, 'cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it('are on API answers, successful or not', async () => {
    const ok = await admin.get('/api/v1/auth/me');
    expect(ok.statusCode).toBe(200);
    expectHardened(ok);
    const refused = await anonymous(t).get('/api/v1/customers');
    expect(refused.statusCode).toBe(401);
    expectHardened(refused);
    expectHardened(await anonymous(t).get('/healthz'));
  });

  it('are on the web app’s page, at / and at any client route, and on its assets', async () => {
    for (const url of ['/', '/customers/0190a6f1-0000-7000-8000-000000000000']) {
      const page = await anonymous(t).get(url);
      expect(page.statusCode).toBe(200);
      expect(header(page, 'content-type')).toContain('text/html');
      expectHardened(page);
    }
    const asset = await anonymous(t).get('/assets/index-Ab12Cd34.js');
    expect(asset.statusCode).toBe(200);
    expect(header(asset, 'content-type')).toContain('javascript');
    expectHardened(asset);
  });

  it('the web app’s page loads its one script from a file, never inline', async () => {
    const html = (await anonymous(t).get('/')).body;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/[^"]+"/);
      expect(content.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son\w+\s*=/i); // no inline event handlers either
  });

  it('tells browsers to keep to HTTPS (HSTS) when the request came over TLS through the trusted proxy', async () => {
    const res = await behindProxy.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(header(res, 'strict-transport-security')).toMatch(/max-age=\d{7,}; includeSubDomains/);
    expectHardened(res);
  });

  it('never sends HTML as an API answer, even for a URL full of markup', async () => {
    const res = await anonymous(t).get('/api/v1/%3Cscript%3Ealert(1)%3C/script%3E');
    expect(res.statusCode).toBe(404);
    expect(header(res, 'content-type')).toContain('application/problem+json');
    expect(header(res, 'x-content-type-options')).toBe('nosniff');
  });

  it('offers no CORS: another origin can neither read answers nor send the CSRF header', async () => {
    const evil = { origin: 'https://evil.example' };
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/customers',
      headers: { ...evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf-token,content-type' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    const read = await admin.get('/api/v1/auth/me', evil);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

const sessionCookie = (res: Res) => {
  const all = [res.headers['set-cookie']].flat().map(String);
  return all.find((c) => c.startsWith('tl_session=')) ?? '';
};

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Lax, for the whole site, and not Secure over plain HTTP', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: adminEmail, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=\d+/);
    expect(cookie).not.toMatch(/; Secure/);
    // The CSRF token is in the answer's body for the page's script, never in a cookie a browser would send by itself.
    expect(res.json().csrfToken).toMatch(/^\S{20,}$/);
    expect(String(res.headers['set-cookie'])).not.toContain(res.json().csrfToken);
  });

  it('is Secure when the request came over TLS through the trusted proxy (TRUST_PROXY)', async () => {
    const { admin: proxied } = await seedOrg(behindProxy);
    const email = (await proxied.get('/api/v1/auth/me')).json().user.email;
    const login = (proto: string) =>
      behindProxy.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': proto },
        payload: { email, password: PASSWORD },
      });
    const tls = sessionCookie(await login('https'));
    expect(tls).toMatch(/; Secure/);
    expect(tls).toMatch(/; HttpOnly/);
    expect(tls).toMatch(/; SameSite=Lax/);
    expect(sessionCookie(await login('http'))).not.toMatch(/; Secure/);
  });

  it('ignores X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: adminEmail, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).not.toMatch(/; Secure/);
  });

  it('is cleared on sign-out with the same attributes, and the session no longer works', async () => {
    const caller = await signIn(t, adminEmail);
    const out = await caller.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookie(out);
    expect(cleared).toMatch(/^tl_session=;/);
    expect(cleared).toMatch(/; HttpOnly/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    expect((await caller.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF: a write with the session cookie needs the session’s own x-csrf-token', () => {
  const customerNames = async () => ((await admin.get('/api/v1/customers?limit=200')).json().data as { name: string }[]).map((c) => c.name);
  const withCookieOnly = (headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: `tl_session=${admin.auth.cookie}`, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ name: `CSRF ${JSON.stringify(headers)}` }),
    });

  it('without the header → 403 problem+json, nothing written', async () => {
    const res = await withCookieOnly();
    expect(res.statusCode).toBe(403);
    expect(header(res, 'content-type')).toContain('application/problem+json');
    expect(res.json().code).toBe('csrf_failed');
    expect((await customerNames()).filter((n) => n.startsWith('CSRF'))).toEqual([]);
  });

  it('with a wrong token, an empty one, or another session’s token → 403, nothing written', async () => {
    const other = await signIn(t, adminEmail); // the same user's second session has its own token
    expect(other.auth.csrf).not.toBe(admin.auth.csrf);
    for (const token of ['wrong', '', `${admin.auth.csrf}x`, String(other.auth.csrf)]) {
      const res = await withCookieOnly({ 'x-csrf-token': token });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf_failed');
    }
    expect((await customerNames()).filter((n) => n.startsWith('CSRF'))).toEqual([]);
  });

  it('applies to every unsafe method: PATCH and DELETE too', async () => {
    const created = await admin.post('/api/v1/customers', { name: 'Kept Ltd' });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    const cookieOnly = { cookie: `tl_session=${admin.auth.cookie}`, 'if-match': `"${version}"` };
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: cookieOnly,
      payload: { name: 'Renamed' },
    });
    expect(patch.statusCode).toBe(403);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/customers/${id}`, headers: cookieOnly });
    expect(del.statusCode).toBe(403);
    const now = (await admin.get(`/api/v1/customers/${id}`)).json();
    expect(now).toMatchObject({ name: 'Kept Ltd', version, deletedAt: null });
  });

  it('a cross-site form post (no JSON, no header) is refused before anything runs, nothing written', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        headers: { cookie: `tl_session=${admin.auth.cookie}`, 'content-type': type, origin: 'https://evil.example' },
        payload: 'name=CSRF form',
      });
      expect([403, 415]).toContain(res.statusCode);
      expect(header(res, 'content-type')).toContain('application/problem+json');
    }
    expect((await customerNames()).filter((n) => n.startsWith('CSRF'))).toEqual([]);
  });

  it('with the right token → written', async () => {
    const res = await withCookieOnly({ 'x-csrf-token': String(admin.auth.csrf) });
    expect(res.statusCode).toBe(201);
  });

  it('an API token (Bearer) needs no CSRF token: a browser never sends it by itself', async () => {
    const created = await admin.post('/api/v1/api-tokens', { name: 'integration' });
    expect(created.statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload: { name: 'Via token Ltd' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('a wrong Bearer token is refused even next to a valid cookie and CSRF token (no silent fallback)', async () => {
    const res = await admin.post('/api/v1/customers', { name: 'CSRF mixed' }, { authorization: 'Bearer not-a-token' });
    expect(res.statusCode).toBe(401);
    expect((await customerNames()).filter((n) => n.startsWith('CSRF mixed'))).toEqual([]);
  });
});

describe('user text is data: stored and answered verbatim as JSON, never as markup', () => {
  const payloads = [
    '<img src=x onerror=alert(document.cookie)>',
    '<script>alert("xss")</script>',
    '"><svg/onload=alert(1)>',
    "javascript:alert('x')",
    '{{constructor.constructor("alert(1)")()}}',
  ];

  it('a customer named with markup comes back byte for byte, as application/json', async () => {
    for (const name of payloads) {
      const created = await admin.post('/api/v1/customers', { name, address: name, tags: [name.slice(0, 50)] });
      expect(created.statusCode).toBe(201);
      const read = await admin.get(`/api/v1/customers/${created.json().id}`);
      expect(header(read, 'content-type')).toMatch(/^application\/json/);
      expect(header(read, 'x-content-type-options')).toBe('nosniff');
      expect(read.json()).toMatchObject({ name, address: name, tags: [name.slice(0, 50)] });
    }
  });

  it('a CSV export neutralises a cell that a spreadsheet would run as a formula', async () => {
    await admin.post('/api/v1/customers', { name: '=HYPERLINK("https://evil.example","点我")' });
    const res = await admin.get('/api/v1/customers/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`'=HYPERLINK(`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

it('trusts no proxy unless told to: TRUST_PROXY defaults to false, so a client cannot claim TLS or another address', () => {
  expect(loadConfig({}).trustProxy).toBe(false);
  expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
});
