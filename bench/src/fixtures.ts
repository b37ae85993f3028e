/** Picks, from the generated data itself, the users, filters and records the scenarios use: same data, same picks. */
import type { RawHandle } from './database.ts';
import { BENCH_EMAIL_DOMAIN } from './generate.ts';
import type { Fixtures } from './scenarios.ts';

export async function rawRows<T>(raw: RawHandle, sql: string, params: unknown[] = []): Promise<T[]> {
  if (raw.engine === 'pglite') return (await raw.client.query<T>(sql, params)).rows;
  return (await raw.client.query(sql, params)).rows as T[];
}

async function one<T>(raw: RawHandle, what: string, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await rawRows<T>(raw, sql, params);
  if (!row) throw new Error(`the benchmark data has no ${what}: regenerate it (--regenerate)`);
  return row;
}

export async function loadFixtures(raw: RawHandle): Promise<Fixtures> {
  const { id: orgId } = await one<{ id: string }>(
    raw,
    'organisation',
    `select id from orgs where name like 'Tierline 基准测试%' order by created_at limit 1`,
  );
  const tierRows = await rawRows<{ key: string; id: string }>(raw, 'select key, id from tiers where org_id = $1', [orgId]);
  const user = (email: string) =>
    one<{ id: string; email: string; teamId: string | null }>(
      raw,
      email,
      `select id, email, team_id as "teamId" from users where org_id = $1 and email = $2`,
      [orgId, `${email}@${BENCH_EMAIL_DOMAIN}`],
    );
  const users = { rep: await user('rep0001'), manager: await user('manager001'), director: await user('director1') };
  const teamRep = await one<{ id: string }>(
    raw,
    'second rep in the first team',
    `select id from users where org_id = $1 and team_id = $2 and role = 'rep' and id <> $3 order by email limit 1`,
    [orgId, users.manager.teamId, users.rep.id],
  );
  const combo = await one<{ region: string; industry: string }>(
    raw,
    'region and industry',
    `select region, industry from customers where org_id = $1 and deleted_at is null group by region, industry order by count(*) desc, region, industry limit 1`,
    [orgId],
  );
  const tag = await one<{ tag: string }>(
    raw,
    'tag',
    `select t as tag from customers, unnest(tags) t where org_id = $1 group by t order by count(*) desc, t limit 1`,
    [orgId],
  );
  const sample = await rawRows<{ id: string; name: string }>(
    raw,
    `select id, name from customers where org_id = $1 and deleted_at is null order by md5(id::text) limit 100`,
    [orgId],
  );
  const top = await rawRows<{ id: string }>(
    raw,
    `select o.customer_id as id from orders o join customers c on c.org_id = o.org_id and c.id = o.customer_id
     where o.org_id = $1 and c.deleted_at is null group by o.customer_id order by count(*) desc, o.customer_id limit 5`,
    [orgId],
  );
  // A trade name (字号) as people type it: the two characters after a two-character city, then two more.
  const cjkName = sample.map((s) => s.name).find((n) => /^[\u4e00-\u9fff]{6}/.test(n)) ?? '深圳华通科技有限公司';
  return {
    orgId,
    tierIds: Object.fromEntries(tierRows.map((t) => [t.key, t.id])),
    users,
    teamRepId: teamRep.id,
    region: combo.region,
    industry: combo.industry,
    tag: tag.tag,
    sampleCustomerIds: sample.map((s) => s.id),
    topCustomerIds: top.map((t) => t.id),
    search: { cjk2: cjkName.slice(2, 4), cjk4: cjkName.slice(2, 6), latin: 'nova', common: '科技' },
  };
}
