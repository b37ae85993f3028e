import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows.ts';
import { testEngine } from '../engine.ts';
import { type Caller, createTestApp, seedOrg, seedUser } from '../testApp.ts';

/**
 * Issue 11: concurrent edits → 409, never a lost update. N writers read the same version and
 * send their change at once (half by the body's `version`, half by `If-Match`, from three people);
 * exactly one wins, every other gets a 409 problem, and the record holds the winner's change
 * and nothing of the losers' — on PostgreSQL the PATCHes run on several pooled connections at once.
 */

const WRITERS = 12;
const t = await createTestApp();
const acme = await seedOrg(t, 'Concurrent');
let editors: Caller[];
let pipelineId: string;

beforeAll(async () => {
  // People who may all change any record of the organisation, so every PATCH reaches the version check.
  editors = [acme.admin, await seedUser(t, acme.orgId, 'director'), await seedUser(t, acme.orgId, 'admin')];
  pipelineId = (await acme.admin.get('/api/v1/pipelines')).json().data[0].id;
});

/** Sends every writer's change based on `version` at the same moment. */
function raceWith(url: string, version: number, change: (i: number) => Record<string, unknown>) {
  return Promise.all(
    Array.from({ length: WRITERS }, (_, i) => {
      const editor = editors[i % editors.length];
      return i % 2 === 0 ? editor.patch(url, { ...change(i), version }) : editor.patch(url, change(i), { 'if-match': `"${version}"` });
    }),
  );
}

async function auditedUpdates(entity: string, id: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from audit_log where entity = ${entity} and entity_id = ${id} and action = 'update'`),
  );
  return row.n;
}

describe(`concurrent edits of one record (${testEngine})`, () => {
  it('a customer: exactly one PATCH wins, the others get 409 problem+json, and the winner’s change is the one kept', async () => {
    const customer = (await acme.admin.post('/api/v1/customers', { name: 'Contested', region: 'start' })).json();
    const results = await raceWith(`/api/v1/customers/${customer.id}`, customer.version, (i) => ({
      region: `region ${i}`,
      industry: `industry ${i}`,
    }));

    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(WRITERS - 1);
    for (const loser of results.filter((r) => r.statusCode === 409)) {
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(loser.json()).toMatchObject({ status: 409, code: 'stale_version' });
    }
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(winner.version).toBe(customer.version + 1);
    const stored = (await acme.admin.get(`/api/v1/customers/${customer.id}`)).json();
    // Both fields from the same writer: no field of a loser slipped in.
    expect(stored).toMatchObject({ region: winner.region, industry: winner.industry, version: customer.version + 1 });
    expect(winner.region.replace('region', 'industry')).toBe(winner.industry);
    expect(await auditedUpdates('customer', customer.id)).toBe(1);
  });

  it('a deal: exactly one PATCH wins, the others get 409 problem+json, and the winner’s change is the one kept', async () => {
    const deal = (await acme.admin.post('/api/v1/deals', { name: 'Contested deal', pipelineId, amount: 1000 })).json();
    const results = await raceWith(`/api/v1/deals/${deal.id}`, deal.version, (i) => ({ amount: 1000 + i, probability: i }));

    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(WRITERS - 1);
    for (const loser of results.filter((r) => r.statusCode === 409)) {
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(loser.json()).toMatchObject({ status: 409, code: 'stale_version' });
    }
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const stored = (await acme.admin.get(`/api/v1/deals/${deal.id}`)).json();
    expect(stored).toMatchObject({ amount: winner.amount, probability: winner.probability, version: deal.version + 1 });
    expect(Number(winner.amount) - 1000).toBe(winner.probability);
    expect(await auditedUpdates('deal', deal.id)).toBe(1);
  });

  it('a loser that reads again and retries on the new version wins in turn: nothing is lost, one change after another', async () => {
    const customer = (await acme.admin.post('/api/v1/customers', { name: 'Taken turns', tags: [] })).json();
    // Each writer adds its own tag, retrying on 409 with the fresh record, as a client should.
    const addTag = async (i: number) => {
      const editor = editors[i % editors.length];
      for (;;) {
        const current = (await editor.get(`/api/v1/customers/${customer.id}`)).json();
        const res = await editor.patch(`/api/v1/customers/${customer.id}`, { tags: [...current.tags, `t${i}`], version: current.version });
        if (res.statusCode === 200) return;
        expect(res.statusCode).toBe(409);
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => addTag(i)));
    const stored = (await acme.admin.get(`/api/v1/customers/${customer.id}`)).json();
    expect([...stored.tags].sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(stored.version).toBe(customer.version + 6);
  });
});
