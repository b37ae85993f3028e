// Temporary dev script (not committed): screenshots against vite dev with a mocked API.
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:5173';
const out = '/tmp/shots';
const user = { id: '0190a000-0000-7000-8000-000000000001', orgId: '0190a000-0000-7000-8000-0000000000aa', orgName: '华东销售有限公司', email: 'admin@example.com', name: '王建国', role: 'admin', teamId: null, levelId: null, locale: 'zh-CN' };
const teams = [{ id: 't1', name: '华东一组', region: '上海', managerId: 'u2', createdAt: '2025-01-01T00:00:00Z', version: 1 }, { id: 't2', name: 'Key Accounts', region: 'Beijing', managerId: null, createdAt: '2025-01-01T00:00:00Z', version: 1 }];
const levels = [{ id: 'l1', key: 'junior', nameZh: '初级', nameEn: 'Junior', rank: 1 }, { id: 'l2', key: 'mid', nameZh: '中级', nameEn: 'Mid', rank: 2 }, { id: 'l3', key: 'senior', nameZh: '高级', nameEn: 'Senior', rank: 3 }];
const users = [
  { id: user.id, email: user.email, name: user.name, role: 'admin', teamId: null, levelId: null, locale: 'zh-CN', active: true, hireDate: null, createdAt: '2025-01-01T00:00:00Z', version: 1 },
  { id: 'u2', email: 'li.na@example.com', name: '李娜', role: 'manager', teamId: 't1', levelId: 'l3', locale: 'zh-CN', active: true, hireDate: null, createdAt: '2025-01-01T00:00:00Z', version: 3 },
  { id: 'u3', email: 'zhang.wei@example.com', name: '张伟', role: 'rep', teamId: 't1', levelId: 'l1', locale: 'zh-CN', active: false, hireDate: null, createdAt: '2025-01-01T00:00:00Z', version: 2 },
];
const audit = [{ id: 'a1', at: '2025-03-01T06:05:00Z', actorId: user.id, action: 'update', entity: 'user', entityId: 'u2', changes: { role: { before: 'rep', after: 'manager' }, levelId: { before: 'l2', after: 'l3' } }, requestId: 'r1' },
  { id: 'a2', at: '2025-03-01T05:00:00Z', actorId: null, action: 'create', entity: 'team', entityId: 't1', changes: { name: { before: null, after: '华东一组' } }, requestId: null }];
let signedIn = process.argv.includes('--signed-in');
async function mock(page) {
  await page.route('**/api/v1/**', async (route) => {
    const url = new URL(route.request().url());
    const p = url.pathname.replace('/api/v1', '');
    const json = (status, body) => route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(body) });
    if (p === '/setup') return json(200, { setupRequired: false, signupAllowed: false });
    if (p === '/auth/me') return signedIn ? json(200, { user, csrfToken: 'x' }) : json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthenticated' });
    if (p === '/auth/login') { const b = JSON.parse(route.request().postData()); if (b.password === 'good-password') { signedIn = true; return json(200, { user, csrfToken: 'x' }); } return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_credentials' }); }
    if (p === '/users') return json(200, { data: users, nextCursor: 'c1' });
    if (p.startsWith('/users/')) return json(200, users.find((u) => u.id === p.split('/')[2]) ?? users[0]);
    if (p === '/teams') return json(200, { data: teams, nextCursor: null });
    if (p === '/levels') return json(200, { data: levels });
    if (p === '/audit-log') return json(200, { data: audit, nextCursor: null });
    if (p === '/api-tokens') return json(200, { data: [{ id: 'k1', name: '数据同步脚本', prefix: 'tl_ab12', createdAt: '2025-02-01T00:00:00Z', lastUsedAt: null, expiresAt: null }], nextCursor: null });
    return json(404, { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' });
  });
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const shots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const spec of shots) {
  const [name, path, w, h, lang] = spec.split(',');
  const ctx = await browser.newContext({ viewport: { width: Number(w), height: Number(h) } });
  if (lang === 'en') await ctx.addInitScript(() => localStorage.setItem('tierline.locale', 'en'));
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name}] ${m.type()}: ${m.text().slice(0, 300)}`); });
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await mock(page);
  await page.goto(base + path);
  await page.waitForTimeout(1500);
  if (process.env.ACTION) await eval(process.env.ACTION);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
  console.log('saved', name, page.url());
  await ctx.close();
}
await browser.close();
