/** Picks, from the generated data itself, the users, filters and records the scenarios use: same data, same picks. */
import type { RawHandle } from './database.ts';
import { BENCH_EMAIL_DOMAIN } from './generate.ts';
import type { ActorName, Fixtures } from './scenarios.ts';

/** The heavy customer's timeline pages whose cursors the deep-page scenario cycles through (50 events a page). */
export const TIMELINE_PAGES = [2, 20, 100, 200];
export const TIMELINE_PAGE_SIZE = 50;

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
  // A development plan of a rep in the manager's team (the generator writes plans for a third of juniors and mids).
  const plan = await one<{ id: string }>(
    raw,
    'development plan',
    `select p.id from development_plans p join users u on u.org_id = p.org_id and u.id = p.rep_id
     where p.org_id = $1 order by (u.team_id = $2) desc, p.id limit 1`,
    [orgId, users.manager.teamId],
  );
  // The long pipeline: the analytics funnel's subject.
  const longPipeline = await one<{ id: string }>(
    raw,
    'long pipeline',
    `select id from pipelines where org_id = $1 and process_type = 'long'`,
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
  // The heavy customer: rep0001's with the most activities (the generator gave one of them a 10,000-event timeline).
  const heavy = await one<{ id: string }>(
    raw,
    'heavy customer',
    `select c.id from customers c where c.org_id = $1 and c.owner_id = $2
     order by (select count(*) from activities a where a.org_id = c.org_id and a.customer_id = c.id) desc, c.id limit 1`,
    [orgId, users.rep.id],
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
    heavyCustomerId: heavy.id,
    timelineCursors: [],
    planId: plan.id,
    longPipelineId: longPipeline.id,
    search: { cjk2: cjkName.slice(2, 4), cjk4: cjkName.slice(2, 6), latin: 'nova', common: '科技' },
  };
}

/**
 * What only the server can tell, asked over HTTP once it runs (before anything is timed): the cursor of the director's
 * second page of customers, and those of the heavy customer's timeline pages in TIMELINE_PAGES, reached by following
 * each page's nextCursor from the first, as a reader scrolling down does.
 */
export async function loadHttpFixtures(baseUrl: string, tokenOf: (actor: ActorName) => string, paths: Set<string>, fx: Fixtures) {
  const get = async <T>(actor: ActorName, path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokenOf(actor)}` } });
    const text = await res.text();
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  type Page = { data: unknown[]; nextCursor: string | null };
  fx.page2Cursor = (await get<Page>('director', '/api/v1/customers?limit=50&sort=name')).nextCursor ?? undefined;
  fx.timelineCursors = [];
  if (!paths.has('/api/v1/customers/{id}/timeline')) return;
  const last = Math.max(...TIMELINE_PAGES);
  let cursor: string | null = null;
  for (let page = 1; page < last; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const body: Page = await get<Page>('rep', `/api/v1/customers/${fx.heavyCustomerId}/timeline?limit=${TIMELINE_PAGE_SIZE}${query}`);
    cursor = body.nextCursor;
    if (!cursor) throw new Error(`the heavy customer's timeline ends at page ${page}: regenerate the data (--regenerate)`);
    if (TIMELINE_PAGES.includes(page + 1)) fx.timelineCursors.push({ page: page + 1, cursor });
  }
}
