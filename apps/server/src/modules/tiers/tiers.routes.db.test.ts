import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymous, createTestApp } from '../../../test/testApp.ts';
import { putAs as put, seedTierOrg, type TierDto, tierSnapshot } from '../../../test/tierFixtures.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { tierPolicies, tierRuleSets, tiers } from './tiers.table.ts';

/** Tier definitions and tier rules through the API: who may, what is refused, and that refusals write nothing. */
const t = await createTestApp();
const { acme, globex, director, eastManager, eastRep, viewer, ...seeded } = await seedTierOrg(t);
let ladder = seeded.ladder;
const snapshot = (orgId: string) => tierSnapshot(t, orgId);
const asOf = '2026-01-05T00:00:00+08:00';

describe('tier definitions', () => {
  it('lists KA, VIP and SMB to anyone signed in, highest first, each with an etag; nobody else', async () => {
    for (const caller of [viewer, eastRep, acme.admin]) {
      const res = await caller.get('/api/v1/tiers');
      expect(res.statusCode).toBe(200);
      expect(res.json().data.map((x: TierDto) => [x.key, x.rank])).toEqual([
        ['ka', 1],
        ['vip', 2],
        ['smb', 3],
      ]);
    }
    expect(ladder.ka).toMatchObject({ nameZh: '大客户', etag: expect.stringMatching(/^".+"$/) });
    expect((await anonymous(t).get('/api/v1/tiers')).statusCode).toBe(401);
  });

  it('lets a director add a tier between others, moving the lower ones down, with a policy of its own', async () => {
    const res = await director.post('/api/v1/tiers', { key: 'gold', nameZh: '金牌客户', nameEn: 'Gold', rank: 2, color: '#d4af37' });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await globex.admin.get('/api/v1/tiers')).json().data;
    expect(after.map((x: TierDto) => x.key)).toEqual(['ka', 'vip', 'smb']); // another organisation's ladder is untouched
    const mine = (await director.get('/api/v1/tiers')).json().data;
    expect(mine.map((x: TierDto) => `${x.key}:${x.rank}`)).toEqual(['ka:1', 'gold:2', 'vip:3', 'smb:4']);
    expect(await t.db.$count(tierPolicies, eq(tierPolicies.orgId, acme.orgId))).toBe(4);
    // Back to three tiers for the rest of the file: remove it the way an operator would, in SQL.
    await t.db.delete(tiers).where(and(eq(tiers.orgId, acme.orgId), eq(tiers.key, 'gold')));
    await t.db
      .update(tiers)
      .set({ rank: sql`${tiers.rank} - 1` })
      .where(and(eq(tiers.orgId, acme.orgId), sql`${tiers.rank} > 2`));
    ladder = Object.fromEntries((await director.get('/api/v1/tiers')).json().data.map((x: TierDto) => [x.key, x])) as typeof ladder;
  });

  it('refuses a bad key (400), a rank past the bottom (422), a taken key (409) — naming the field, writing nothing', async () => {
    const before = await snapshot(acme.orgId);
    const cases = [
      { body: { key: 'Bad Key', nameZh: '坏', nameEn: 'Bad', rank: 1 }, status: 400, path: 'key' },
      { body: { key: 'far', nameZh: '远', nameEn: 'Far', rank: 9 }, status: 422, path: 'rank' },
      { body: { key: 'vip', nameZh: '又一个', nameEn: 'Again', rank: 1 }, status: 409, path: 'key' },
      { body: { key: 'nocolor', nameZh: '色', nameEn: 'Color', rank: 1, color: 'red; drop' }, status: 400, path: 'color' },
    ];
    for (const c of cases) {
      const res = await acme.admin.post('/api/v1/tiers', c.body);
      expect(res.statusCode, res.body).toBe(c.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(c.path);
    }
    expect(await snapshot(acme.orgId)).toEqual(before);
  });

  it('renames a tier for whoever holds its current etag; a stale etag gets 409, none 428', async () => {
    const res = await acme.admin.patch(`/api/v1/tiers/${ladder.vip.id}`, { nameZh: '贵宾客户' }, { 'if-match': ladder.vip.etag });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameZh: '贵宾客户', nameEn: 'VIP', rank: 2 });
    expect(res.headers.etag).toBe(res.json().etag);
    expect(res.json().etag).not.toBe(ladder.vip.etag);
    const stale = await acme.admin.patch(`/api/v1/tiers/${ladder.vip.id}`, { nameZh: '过时', etag: ladder.vip.etag });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].path).toBe('etag');
    expect((await acme.admin.patch(`/api/v1/tiers/${ladder.vip.id}`, { nameZh: '无版本' })).statusCode).toBe(428);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, acme.orgId), eq(auditLog.entity, 'tier'), eq(auditLog.entityId, ladder.vip.id)));
    expect(audit.map((a) => a.changes.nameZh)).toContainEqual({ before: 'VIP客户', after: '贵宾客户' });
  });

  it('lets only admins and directors change tiers; another organisation’s tier does not exist', async () => {
    for (const caller of [eastManager, eastRep, viewer]) {
      expect((await caller.post('/api/v1/tiers', { key: 'x', nameZh: 'x', nameEn: 'x', rank: 1 })).statusCode).toBe(403);
      expect((await caller.patch(`/api/v1/tiers/${ladder.ka.id}`, { nameZh: 'x', etag: ladder.ka.etag })).statusCode).toBe(403);
    }
    expect((await globex.admin.patch(`/api/v1/tiers/${ladder.ka.id}`, { nameZh: 'x', etag: ladder.ka.etag })).statusCode).toBe(404);
  });
});

describe('tier rules', () => {
  it('shows everyone the rules in force: version 1, monetary over 365 days, KA top 5 %, VIP top 20 %', async () => {
    const res = await eastRep.get('/api/v1/tier-rules');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      version: 1,
      metric: 'monetary',
      windowDays: 365,
      cutoffs: [
        { tierId: ladder.ka.id, kind: 'top_percent', value: 5 },
        { tierId: ladder.vip.id, kind: 'top_percent', value: 20 },
      ],
    });
  });

  it('refuses rules that break a rule with 422 naming each field, and malformed ones with 400; nothing is saved', async () => {
    const before = await snapshot(acme.orgId);
    const bad = await put(acme.admin, '/api/v1/tier-rules', {
      version: 1,
      metric: 'monetary',
      windowDays: 365,
      cutoffs: [
        { tierId: ladder.ka.id, kind: 'top_percent', value: 30 },
        { tierId: ladder.vip.id, kind: 'top_percent', value: 20 }, // below KA's 30: not cumulative
        { tierId: ladder.smb.id, kind: 'absolute', value: 1 }, // the lowest tier
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['cutoffs.1.value', 'cutoffs.2.tierId']);
    const foreign = (await globex.admin.get('/api/v1/tiers')).json().data[0].id;
    const cross = await put(acme.admin, '/api/v1/tier-rules', {
      version: 1,
      metric: 'rfm',
      windowDays: 90,
      cutoffs: [{ tierId: foreign, kind: 'absolute', value: 12 }],
    });
    expect(cross.json().errors).toEqual([{ path: 'cutoffs.0.tierId', message: 'no such tier' }]);
    const malformed = await put(acme.admin, '/api/v1/tier-rules', { version: 1, metric: 'loyalty', windowDays: 0, cutoffs: [] });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['metric', 'windowDays']);
    expect(await snapshot(acme.orgId)).toEqual(before);
  });

  it('lets only admins and directors save rules, preview or recompute', async () => {
    const rules = { version: 1, metric: 'frequency', windowDays: 30, cutoffs: [] };
    for (const caller of [eastManager, eastRep, viewer]) {
      expect((await put(caller, '/api/v1/tier-rules', rules)).statusCode).toBe(403);
      expect((await caller.post('/api/v1/tier-rules/preview', { asOf })).statusCode).toBe(403);
      expect((await caller.post('/api/v1/tiers/recompute', { asOf })).statusCode).toBe(403);
    }
    expect((await anonymous(t).post('/api/v1/tiers/recompute', { asOf })).statusCode).toBe(401);
  });

  it('previews proposed rules without writing anything, and refuses invalid ones naming rules.cutoffs', async () => {
    const before = await snapshot(acme.orgId);
    const res = await director.post('/api/v1/tier-rules/preview', {
      asOf,
      rules: {
        metric: 'monetary',
        windowDays: 365,
        cutoffs: [
          { tierId: ladder.ka.id, kind: 'absolute', value: 1000 },
          { tierId: ladder.vip.id, kind: 'top_percent', value: 50 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    // 13 customers, 12 ranked: 1,000, 1,100 and 1,200 reach the 1,000 bar; ranks 4…6 fill the top 50 % (ceil(6) = 6).
    expect(res.json()).toMatchObject({
      ruleVersion: null,
      customers: 13,
      ranked: 12,
      pinned: 0,
      changed: 6,
      tiers: [
        { key: 'ka', count: 3, metricSum: '3300.00' },
        { key: 'vip', count: 3, metricSum: '2400.00' },
        { key: 'smb', count: 7, metricSum: '2100.00' },
      ],
      moves: [
        { fromTierId: ladder.smb.id, toTierId: ladder.ka.id, count: 3 },
        { fromTierId: ladder.smb.id, toTierId: ladder.vip.id, count: 3 },
      ],
    });
    expect(res.json().sample[0]).toMatchObject({
      name: 'East customer 11',
      toTierId: ladder.ka.id,
      explanation: { value: 1200, rank: 1, n: 12, cutoff: { kind: 'absolute', value: 1000 } },
    });
    const invalid = await director.post('/api/v1/tier-rules/preview', {
      asOf,
      rules: { metric: 'monetary', windowDays: 365, cutoffs: [{ tierId: ladder.ka.id, kind: 'top_percent', value: 0 }] },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].path).toBe('rules.cutoffs.0.value');
    expect((await director.post('/api/v1/tier-rules/preview', {})).json().errors[0].path).toBe('asOf');
    expect(await snapshot(acme.orgId)).toEqual(before);
  });

  it('saves new rules as version 2 for whoever saw version 1; a second save based on 1 is stale', async () => {
    const rules = {
      metric: 'monetary',
      windowDays: 365,
      cutoffs: [
        { tierId: ladder.ka.id, kind: 'top_percent', value: 10 },
        { tierId: ladder.vip.id, kind: 'top_percent', value: 30 },
      ],
    };
    const res = await put(director, '/api/v1/tier-rules', rules, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, createdBy: director.userId, ...rules });
    expect((await put(acme.admin, '/api/v1/tier-rules', { ...rules, version: 1 })).statusCode).toBe(409);
    expect((await put(acme.admin, '/api/v1/tier-rules', rules)).statusCode).toBe(428);
    expect(await t.db.$count(tierRuleSets, eq(tierRuleSets.orgId, acme.orgId))).toBe(2);
    expect((await eastRep.get('/api/v1/tier-rules')).json().version).toBe(2);
  });
});
