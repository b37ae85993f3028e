import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testApp.ts';

const t = await createTestApp();

describe('every route declares who may call it', () => {
  it('has an access rule on every registered /api and health route', () => {
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api') || r.url.endsWith('z'));
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses a route that declares nothing (fails closed)', async () => {
    const { buildApp } = await import('../../src/app.ts');
    const app = await buildApp({ database: t.database });
    app.get('/api/v1/undeclared', async () => ({ leaked: true }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/undeclared' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('leaked');
    await app.close();
  });

  it('only lets admins write users, teams and levels (each person their own availability), and nobody unauthenticated past the public routes', () => {
    const own = '/api/v1/users/me/availability';
    const writes = t.app.registeredRoutes.filter(
      (r) => /\/api\/v1\/(users|teams|levels)/.test(r.url) && r.method !== 'GET' && r.url !== own,
    );
    expect(writes.length).toBeGreaterThan(4);
    for (const r of writes) expect(r.access).toEqual({ kind: 'roles', roles: ['admin'] });
    expect(t.app.registeredRoutes.find((r) => r.url === own)?.access).toEqual({
      kind: 'roles',
      roles: ['admin', 'director', 'manager', 'rep'],
    });
    const publicRoutes = t.app.registeredRoutes.filter((r) => r.access?.kind === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.filter((r) => r.includes('/api/v1/')).sort()).toEqual(
      [
        'GET /api/v1/setup',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/signup',
        'POST /api/v1/setup',
      ].sort(),
    );
  });
});
