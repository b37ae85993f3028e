import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, Caller, createTestApp, seedOrg, seedUser, type TestApp } from '../../../test/testApp.ts';
import { hasValidSignature, startReceiver } from '../../../test/webhookReceiver.ts';
import { buildApp } from '../../app.ts';
import { rowsOf } from '../../db/rows.ts';
import { jobHandlersFor } from '../../jobs.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { DAY_MS } from './webhooks.rules.ts';
import { webhookDeliveries } from './webhooks.table.ts';

/**
 * Webhooks end to end: the admin API, the SSRF guard, and real deliveries to a real HTTP receiver on
 * 127.0.0.1 (this app allows private targets, as TIERLINE_WEBHOOK_ALLOW_PRIVATE=true does), run by the job queue.
 */
const t = await createTestApp({ webhookAllowPrivate: true });
const receiver = await startReceiver();
const { orgId, admin } = await seedOrg(t, 'Hooks');
const other = await seedOrg(t, 'Elsewhere');
const director = await seedUser(t, orgId, 'director');
const rep = await seedUser(t, orgId, 'rep');
const viewer = await seedUser(t, orgId, 'viewer');

/** The same database behind an app with the instance default: private targets refused. */
const strictApp = await buildApp({ database: t.database, clock: t.clock, settings: { loginRateLimit: 10_000 } });
await strictApp.ready();
const strictAdmin = new Caller({ ...t, app: strictApp } as TestApp, admin.auth, admin.userId, admin.orgId);

const runJobs = (allowPrivate = true) =>
  createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlersFor({ webhookAllowPrivate: allowPrivate }) }).runDueJobs();

type Hook = { id: string; version: number; secret: string; url: string; eventTypes: string[] };
async function subscribe(body: Record<string, unknown> = {}): Promise<Hook> {
  const res = await admin.post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['customer.created'], ...body });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}
const deliveries = async (hookId: string, query = '') => (await admin.get(`/api/v1/webhooks/${hookId}/deliveries${query}`)).json();
const newCustomer = async (name: string) => (await admin.post('/api/v1/customers', { name })).json() as { id: string };

/** Only these tests' own subscriptions receive: earlier ones are switched off. */
async function switchOffAll() {
  await t.db.execute(sql`update webhook_subscriptions set active = false where org_id = ${orgId}`);
  receiver.clear();
}

beforeAll(async () => {
  // Nothing pending from the setup reaches the receiver.
  await runJobs();
  receiver.clear();
});

describe('webhook subscriptions (admins)', () => {
  it('creates a subscription with a whsec_ secret shown once; GET never shows it; PATCH needs the version', async () => {
    const res = await admin.post('/api/v1/webhooks', {
      url: receiver.url,
      description: 'ERP sync',
      eventTypes: ['deal.won', 'customer.created', 'deal.won'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const hook = res.json();
    expect(hook).toMatchObject({
      url: receiver.url,
      description: 'ERP sync',
      eventTypes: ['customer.created', 'deal.won'],
      active: true,
      version: 1,
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const one = await admin.get(`/api/v1/webhooks/${hook.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).not.toHaveProperty('secret');
    expect(one.body).not.toContain(hook.secret);
    const list = await admin.get('/api/v1/webhooks');
    expect(list.json().data.find((w: { id: string }) => w.id === hook.id)).toMatchObject({ lastDelivery: null });
    expect(list.body).not.toContain('whsec_');
    const audit = await admin.get(`/api/v1/audit-log?entity=webhook&entityId=${hook.id}`);
    expect(audit.body).not.toContain(hook.secret);

    const patched = await admin.patch(`/api/v1/webhooks/${hook.id}`, { active: false, eventTypes: [], version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ active: false, eventTypes: [], version: 2 });
    expect(patched.body).not.toContain('whsec_');
    const stale = await admin.patch(`/api/v1/webhooks/${hook.id}`, { active: true, version: 1 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'stale_version']);
    expect((await admin.patch(`/api/v1/webhooks/${hook.id}`, { active: true })).statusCode).toBe(428);
    const ifMatch = await admin.patch(`/api/v1/webhooks/${hook.id}`, { description: null }, { 'if-match': '"2"' });
    expect(ifMatch.json()).toMatchObject({ description: null, version: 3 });

    const rotated = await admin.post(`/api/v1/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(hook.secret);
    expect((await admin.get(`/api/v1/webhooks/${hook.id}`)).body).not.toContain(rotated.json().secret);

    expect((await admin.delete(`/api/v1/webhooks/${hook.id}?version=1`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/webhooks/${hook.id}?version=4`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/webhooks/${hook.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = (await admin.get('/api/v1/webhooks?limit=200')).json().data.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://files.example.com/in' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'https://hooks.example.com', eventTypes: ['customer.deleted'] }, 'eventTypes.0'],
      [{ url: 'https://hooks.example.com', active: 'yes' }, 'active'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/v1/webhooks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await admin.get('/api/v1/webhooks?limit=200')).json().data.length).toBe(before);
    expect((await admin.get('/api/v1/webhooks/event-types')).json().data).toContain('customer.tier_changed');
  });
});

describe('the SSRF guard', () => {
  it('refuses loopback, private, link-local, unique-local and unspecified targets with the instance default (422 on url)', async () => {
    const before = (await admin.get('/api/v1/webhooks?limit=200')).json().data.length;
    for (const url of [
      'http://[::1]/',
      'http://127.1/',
      'http://10.0.0.1/',
      'http://localhost/',
      'http://LOCALHOST:3000/hook',
      'http://192.168.1.20/hook',
      'http://172.20.0.5/',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'https://2130706433/',
    ]) {
      const res = await strictAdmin.post('/api/v1/webhooks', { url });
      expect(res.statusCode, url).toBe(422);
      expect(res.json()).toMatchObject({ code: 'webhook_target_refused', errors: [{ path: 'url' }] });
    }
    expect((await admin.get('/api/v1/webhooks?limit=200')).json().data.length).toBe(before);
    // A public address passes (a literal: the check needs no DNS here).
    const ok = await strictAdmin.post('/api/v1/webhooks', { url: 'https://93.184.215.14/hooks', active: false });
    expect(ok.statusCode, ok.body).toBe(201);
    // An update to a private target is refused the same way and changes nothing.
    const moved = await strictAdmin.patch(`/api/v1/webhooks/${ok.json().id}`, { url: 'http://127.0.0.1:9/', version: 1 });
    expect([moved.statusCode, moved.json().errors[0].path]).toEqual([422, 'url']);
    expect((await admin.get(`/api/v1/webhooks/${ok.json().id}`)).json()).toMatchObject({ url: 'https://93.184.215.14/hooks', version: 1 });
  });

  it('checks again at delivery time: a target that is private now is not called, and the attempt says why', async () => {
    await switchOffAll();
    const hook = await subscribe(); // saved while private targets were allowed
    await newCustomer('Checked at delivery');
    expect((await runJobs(false)).failed).toBe(1);
    expect(receiver.received).toHaveLength(0);
    const [d] = (await deliveries(hook.id)).data;
    expect(d).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: null });
    expect(d.attempts[0].error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    // With private targets allowed it goes out at its retry.
    t.clock.advance(5_000);
    await runJobs(true);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('deliveries', () => {
  it('delivers each event once, signed, with the event headers and the envelope', async () => {
    await switchOffAll();
    const hook = await subscribe({ eventTypes: ['customer.created'] });
    const customer = await newCustomer('Signed Ltd');
    expect(receiver.received).toHaveLength(0); // nothing is sent inside the request's transaction
    const sentAt = t.clock.now();
    await runJobs();
    await runJobs();
    expect(receiver.received).toHaveLength(1);
    const [r] = receiver.received;
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['tierline-event-type']).toBe('customer.created');
    expect(r.headers['tierline-event-id']).toBe(r.json.id);
    expect(r.headers['tierline-timestamp']).toBe(String(Math.floor(sentAt.getTime() / 1000)));
    expect(r.headers['tierline-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(hasValidSignature(r, hook.secret)).toBe(true);
    expect(hasValidSignature(r, 'whsec_wrong')).toBe(false);
    expect(Object.keys(r.json)).toEqual(['id', 'type', 'createdAt', 'orgId', 'data']);
    expect(r.json).toMatchObject({ type: 'customer.created', orgId, createdAt: sentAt.toISOString() });
    expect(r.json.data.customer).toMatchObject({ id: customer.id, name: 'Signed Ltd' });

    const log = await deliveries(hook.id);
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      eventId: r.json.id,
      eventType: 'customer.created',
      status: 'succeeded',
      attemptCount: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: sentAt.toISOString(),
    });
    expect(log.data[0].attempts).toEqual([
      { id: expect.any(String), at: sentAt.toISOString(), statusCode: 200, durationMs: expect.any(Number), error: null, manual: false },
    ]);
  });

  it('gets it again after a failure: a 500 is retried after the backoff, with the same event id and body', async () => {
    await switchOffAll();
    const hook = await subscribe();
    receiver.answerNext(500);
    await newCustomer('Retry Co');
    expect(await runJobs()).toEqual({ succeeded: 0, failed: 1 });
    expect(receiver.received).toHaveLength(1);
    let [d] = (await deliveries(hook.id)).data;
    expect(d).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: 500, lastError: 'HTTP 500 Internal Server Error' });
    // The list says how each subscription's latest delivery went.
    const listed = (await admin.get('/api/v1/webhooks?limit=200')).json().data.find((w: { id: string }) => w.id === hook.id);
    expect(listed.lastDelivery).toEqual({
      eventType: 'customer.created',
      status: 'pending',
      createdAt: d.createdAt,
      lastStatusCode: 500,
      lastAttemptAt: d.lastAttemptAt,
    });
    const retryAt = new Date(d.nextAttemptAt).getTime() - t.clock.now().getTime();
    expect(retryAt).toBeGreaterThanOrEqual(1_600); // 2 s ± 20 %
    expect(retryAt).toBeLessThanOrEqual(2_400);
    // Not before its time.
    expect(await runJobs()).toEqual({ succeeded: 0, failed: 0 });
    t.clock.advance(2_500);
    expect(await runJobs()).toEqual({ succeeded: 1, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second.json.id).toBe(first.json.id);
    expect(second.body).toBe(first.body);
    expect(hasValidSignature(second, hook.secret)).toBe(true);
    [d] = (await deliveries(hook.id)).data;
    expect(d).toMatchObject({ status: 'succeeded', attemptCount: 2, lastStatusCode: 200, lastError: null });
    expect(d.attempts.map((a: { statusCode: number; manual: boolean }) => [a.statusCode, a.manual])).toEqual([
      [500, false],
      [200, false],
    ]);
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    await switchOffAll();
    const hook = await subscribe();
    receiver.answerNext({ status: 302, headers: { location: 'http://169.254.169.254/' } });
    await newCustomer('Redirected');
    await runJobs();
    expect(receiver.received).toHaveLength(1);
    const [d] = (await deliveries(hook.id)).data;
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: 302 });
    expect(d.lastError).toContain('redirects are not followed');
  });

  it('redelivers by hand at once, logged as manual, whatever the status', async () => {
    await switchOffAll();
    const hook = await subscribe();
    receiver.answerNext(500);
    await newCustomer('Manual');
    await runJobs();
    const [pending] = (await deliveries(hook.id)).data;
    expect(pending.status).toBe('pending');
    const res = await admin.post(`/api/v1/webhooks/deliveries/${pending.id}/redeliver`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', attemptCount: 2, lastStatusCode: 200 });
    expect(res.json().attempts.map((a: { manual: boolean }) => a.manual)).toEqual([false, true]);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].json.id).toBe(receiver.received[0].json.id);
    // The queued retry finds it delivered and sends nothing.
    t.clock.advance(5_000);
    await runJobs();
    expect(receiver.received).toHaveLength(2);
    // A delivered event can be sent again (the receiver lost it); a failed manual attempt leaves the status.
    receiver.answerNext(410);
    const again = (await admin.post(`/api/v1/webhooks/deliveries/${pending.id}/redeliver`)).json();
    expect(again).toMatchObject({ status: 'succeeded', attemptCount: 3, lastStatusCode: 410 });
    expect(again.attempts[2]).toMatchObject({ statusCode: 410, manual: true, error: 'HTTP 410 Gone' });
  });

  it('sends a test event to one subscription, whatever it subscribes to, and lists deliveries by status with keyset pages', async () => {
    await switchOffAll();
    const hook = await subscribe({ eventTypes: ['deal.lost'], active: false });
    const res = await admin.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ eventType: 'webhook.test', status: 'pending', attemptCount: 0, attempts: [] });
    await runJobs();
    expect(receiver.received.map((r) => r.json.type)).toEqual(['webhook.test']);
    expect(receiver.received[0].json.data).toMatchObject({ subscriptionId: hook.id });
    expect(hasValidSignature(receiver.received[0], hook.secret)).toBe(true);

    receiver.answerNext(500);
    t.clock.advance(1_000);
    await admin.post(`/api/v1/webhooks/${hook.id}/test`);
    await runJobs();
    const page1 = await deliveries(hook.id, '?limit=1');
    expect(page1.data).toHaveLength(1);
    expect(page1.data[0].status).toBe('pending'); // the newest first
    const page2 = await deliveries(hook.id, `?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.data[0].status).toBe('succeeded');
    expect(page2.nextCursor).toBeNull();
    expect((await deliveries(hook.id, '?status=succeeded')).data.map((d: { id: string }) => d.id)).toEqual([page2.data[0].id]);
    expect((await deliveries(hook.id, '?status=failed')).data).toEqual([]);
    expect((await admin.get(`/api/v1/webhooks/${hook.id}/deliveries?status=lost`)).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/webhooks/${hook.id}/deliveries?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('sends an event only to active subscriptions that want it (none named: every event)', async () => {
    await switchOffAll();
    const wantsDeals = await subscribe({ eventTypes: ['deal.won'] });
    const wantsAll = await subscribe({ eventTypes: [] });
    const off = await subscribe({ eventTypes: ['customer.created'], active: false });
    await newCustomer('Filtered');
    await runJobs();
    expect(receiver.received.map((r) => r.json.type)).toEqual(['customer.created']);
    expect((await deliveries(wantsDeals.id)).data).toEqual([]);
    expect((await deliveries(wantsAll.id)).data).toHaveLength(1);
    expect((await deliveries(off.id)).data).toEqual([]);
  });

  it('drops the queued deliveries of a deleted subscription, and ends those of one switched off', async () => {
    await switchOffAll();
    const gone = await subscribe();
    const paused = await subscribe();
    await newCustomer('Never sent');
    expect((await admin.delete(`/api/v1/webhooks/${gone.id}?version=1`)).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/webhooks/${paused.id}`, { active: false, version: 1 })).statusCode).toBe(200);
    expect(await runJobs()).toMatchObject({ failed: 0 });
    expect(receiver.received).toHaveLength(0);
    expect(await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, gone.id))).toEqual([]);
    const [d] = (await deliveries(paused.id)).data;
    expect(d).toMatchObject({ status: 'failed', attemptCount: 0, lastError: 'not sent: the subscription is switched off' });
  });
});

describe('who may', () => {
  it('refuses every route to non-admins (403) and anonymous callers (401), and hides another organisation’s (404)', async () => {
    await switchOffAll();
    const hook = await subscribe();
    await newCustomer('Scope check');
    await runJobs();
    const [delivery] = (await deliveries(hook.id)).data;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/webhooks/event-types'],
      ['GET', '/api/v1/webhooks'],
      ['POST', '/api/v1/webhooks', { url: receiver.url }],
      ['GET', `/api/v1/webhooks/${hook.id}`],
      ['PATCH', `/api/v1/webhooks/${hook.id}`, { active: true, version: hook.version }],
      ['DELETE', `/api/v1/webhooks/${hook.id}?version=${hook.version}`],
      ['POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, {}],
      ['POST', `/api/v1/webhooks/${hook.id}/test`, {}],
      ['GET', `/api/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/api/v1/webhooks/deliveries/${delivery.id}/redeliver`, {}],
    ];
    const state = async () =>
      rowsOf(
        await t.db.execute(sql`select
          (select string_agg(id::text || version::text || secret || active::text, ',') from webhook_subscriptions where org_id = ${orgId}) as subs,
          (select count(*)::int from webhook_deliveries where org_id = ${orgId}) as deliveries,
          (select count(*)::int from webhook_attempts where org_id = ${orgId}) as attempts`),
      )[0];
    const before = await state();
    for (const [method, url, body] of routes) {
      for (const caller of [director, rep, viewer]) {
        const res = await caller.request(method as 'GET', url, body);
        expect(res.statusCode, `${caller.userId} ${method} ${url}`).toBe(403);
      }
      expect((await anonymous(t).request(method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(401);
      if (url.includes(hook.id) || url.includes(delivery.id)) {
        const res = await other.admin.request(method as 'GET', url, body);
        expect(res.statusCode, `other org ${method} ${url}`).toBe(404);
      }
    }
    expect((await other.admin.get('/api/v1/webhooks')).json().data).toEqual([]);
    expect(await state()).toEqual(before);
    expect(receiver.received).toHaveLength(1);
  });
});

// Last: it moves the clock by days, past the sessions' lifetime.
describe('the retry schedule', () => {
  it('retries for at least 24 hours, then marks the delivery failed', async () => {
    await switchOffAll();
    const hook = await subscribe();
    receiver.answerNext(...Array(40).fill(503));
    await newCustomer('Always down');
    // The admin's session will not last the days this takes: read the log with an API token.
    const token = (await admin.post('/api/v1/api-tokens', { name: 'log reader' })).json().token;
    const reader = new Caller(t, { bearer: token });
    // Earlier tests' test events (sent whatever the subscription's state) may still be retrying: count this event's.
    const mine = () => receiver.received.filter((r) => r.json.data.customer?.name === 'Always down');
    for (let i = 0; i < 30 && mine().length < 19; i++) {
      await runJobs();
      t.clock.advance(8 * 3_600_000); // longer than the longest backoff (6 h + 20 %)
    }
    await runJobs();
    expect(mine()).toHaveLength(19);
    const [d] = (await reader.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().data;
    expect(d).toMatchObject({ status: 'failed', attemptCount: 19, lastStatusCode: 503, nextAttemptAt: null, deliveredAt: null });
    const times = d.attempts.map((a: { at: string }) => new Date(a.at).getTime());
    expect(times.at(-1) - times[0]).toBeGreaterThanOrEqual(DAY_MS);
    const [job] = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'webhooks.deliver'), sql`${jobs.payload}->>'deliveryId' = ${d.id}`));
    expect(job).toMatchObject({ status: 'failed', attempts: 19, maxAttempts: 19 });
    receiver.clear();
  });
});
