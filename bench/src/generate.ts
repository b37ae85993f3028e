/**
 * The deterministic data generator: one organisation made by the app's own `createOrganisation` (levels, tiers,
 * tier policies, rule set, admin), then teams, managers, reps, directors, customers, account teams, orders and
 * order lines, activities and pool events from a seeded PRNG — the same seed gives the same rows. Bulk rows are
 * loaded with COPY; order amounts are then set in SQL numeric from their lines, as the app does; the app's own tier
 * recompute runs once as of AS_OF, so every customer starts with the tier (and the history row) the rules give it;
 * last come the follow-up tasks (a cadence task per owned customer, due by its new tier) and their reminders.
 */
import { createHash } from 'node:crypto';
import { type AnyColumn, eq, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../apps/server/src/db/client.ts';
import { accountTeamMembers } from '../../apps/server/src/modules/accountTeams/accountTeams.table.ts';
import { activities } from '../../apps/server/src/modules/activities/activities.table.ts';
import { customerBranches, timelinePage } from '../../apps/server/src/modules/activities/timeline.repository.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/credentials.ts';
import { phoneDigits } from '../../apps/server/src/modules/customers/customers.rules.ts';
import { customers } from '../../apps/server/src/modules/customers/customers.table.ts';
import { levels } from '../../apps/server/src/modules/levels/levels.table.ts';
import { notifications } from '../../apps/server/src/modules/notifications/notifications.table.ts';
import { orderLines, orders } from '../../apps/server/src/modules/orders/orders.table.ts';
import { createOrganisation } from '../../apps/server/src/modules/orgs/orgs.usecases.ts';
import { poolEvents } from '../../apps/server/src/modules/pool/pool.table.ts';
import { cadenceTitle } from '../../apps/server/src/modules/tasks/tasks.rules.ts';
import { tasks } from '../../apps/server/src/modules/tasks/tasks.table.ts';
import { teams } from '../../apps/server/src/modules/teams/teams.table.ts';
import { recomputeTiers } from '../../apps/server/src/modules/tiers/tierRecompute.usecases.ts';
import { tiers } from '../../apps/server/src/modules/tiers/tiers.table.ts';
import { loginEmails, users } from '../../apps/server/src/modules/users/users.table.ts';
import { Rng, uuidv7At, WeightedPicker } from './prng.ts';
import { AS_OF, BENCH_PASSWORD, GENERATOR_VERSION, HEAVY_TIMELINE_EVENTS, HISTORY_DAYS, type Scale } from './scales.ts';
import {
  ACTIVITY_KIND_WEIGHTS,
  ACTIVITY_NOTES,
  ACTIVITY_VOCABULARY,
  address,
  cityPinyin,
  companyName,
  INDUSTRIES,
  LATIN_BRANDS,
  POOL_RELEASE_REASONS,
  PRODUCT_CATEGORIES,
  personName,
  phone,
  REGIONS,
  SOURCES,
  TAGS,
  TASK_TITLES,
} from './vocabulary.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The reminders job runs every 5 minutes: a reminder goes out at the first slot after the task falls due. */
const REMINDER_SLOT = 5 * MINUTE;
const CHUNK_ROWS = 50_000;
export const BENCH_EMAIL_DOMAIN = 'bench.tierline.test';

/** What the generator needs from a database: drizzle for the app's own code, and COPY for bulk rows. */
export type Loader = {
  engine: 'pglite' | 'postgres';
  /** Drizzle over the one connection the load uses (so session settings and COPY share it). */
  db: Db;
  exec: (sql: string) => Promise<void>;
  query: <T>(sql: string) => Promise<T[]>;
  /** Loads one chunk of CSV rows (no header) into `table (columns)` with COPY … FROM STDIN / '/dev/blob'. */
  copy: (table: string, columns: string[], csv: string) => Promise<void>;
};

/** Rows, and time spent inside this table's COPY calls (orders and lines load concurrently, so theirs overlap). */
export type TableLoad = { rows: number; ms: number; rowsPerSec: number };
export type GenerateStats = {
  version: number;
  seed: number;
  scale: Scale['name'];
  engine: Loader['engine'];
  asOf: string;
  /** sha256 of the generated rows with the org/tier/level ids the app made replaced by placeholders: same seed, same hash. */
  contentSha256: string;
  tables: Record<string, TableLoad>;
  copyRows: number;
  copyMs: number;
  copyRowsPerSec: number;
  /** Generating and loading customers, then orders with lines: wall time, generation and COPY together. */
  customersWallMs: number;
  ordersWallMs: number;
  /** Activities and pool events; then tasks and notifications (after the recompute: cadence follows the tier). */
  activitiesWallMs: number;
  tasksWallMs: number;
  /** rep0001's customer with HEAVY_TIMELINE_EVENTS timeline events (checked through the app's own timeline query). */
  heavyCustomer: { id: string; timelineEvents: number; activities: number; orders: number };
  wallRowsPerSec: number;
  orgAndUsersMs: number;
  amountUpdateMs: number;
  indexMs: number;
  analyzeMs: number;
  initialRecompute: { ms: number; changed: number; customers: number };
  totalMs: number;
  generatedAt: string;
};

export type BenchWorld = {
  orgId: string;
  tierIds: Record<string, string>;
  adminId: string;
};

const cols = (...c: AnyColumn[]) => c.map((x) => x.name);
const tableName = (t: PgTable) => getTableName(t);

/** A CSV field: empty for null (COPY's CSV null), quoted when it must be. */
function f(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  if (v === '') return '""';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const iso = (ms: number) => new Date(ms).toISOString();

/** Streams rows into a table in chunks, hashing the placeholder text and overlapping generation with the load. */
class CopyWriter {
  rows = 0;
  ms = 0;
  private buf: string[] = [];
  private pending: Promise<void> = Promise.resolve();
  readonly startedAt = performance.now();
  constructor(
    private readonly loader: Loader,
    readonly table: string,
    private readonly columns: string[],
    private readonly hash: ReturnType<typeof createHash>,
    private readonly substitute: (chunk: string) => string,
  ) {
    hash.update(`\n#${table}(${columns.join(',')})\n`);
  }
  /** Buffers a row; true when a chunk is full and the caller should `await flush()`. */
  add(row: string): boolean {
    this.buf.push(row);
    return this.buf.length >= CHUNK_ROWS;
  }
  async flush() {
    if (!this.buf.length) return;
    const text = `${this.buf.join('\n')}\n`;
    const count = this.buf.length;
    this.buf = [];
    this.hash.update(text);
    const real = this.substitute(text);
    await this.pending; // one chunk in flight: the next one is generated while the database loads this one
    const started = performance.now();
    this.pending = this.loader.copy(this.table, this.columns, real).then(() => {
      this.ms += performance.now() - started;
      this.rows += count;
    });
  }
  async close() {
    await this.flush();
    await this.pending;
  }
}

type Product = { code: string; name: string; category: string; price: number };

function productCatalogue(rng: Rng, n: number): Product[] {
  const out: Product[] = [];
  for (let p = 0; p < n; p++) {
    const cat = rng.pick(PRODUCT_CATEGORIES);
    const [lo, hi] = cat.price;
    const series = `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`;
    out.push({
      code: `P${String(p + 1).padStart(6, '0')}`,
      name: `${rng.pick(cat.items)} ${series}-${rng.int(100, 9999)}`,
      category: cat.category,
      price: Math.round(lo * (hi / lo) ** rng.next() * 100) / 100,
    });
  }
  return out;
}

export async function generate(loader: Loader, scale: Scale, seed: number, log: (line: string) => void): Promise<GenerateStats> {
  const started = performance.now();
  const root = new Rng(seed);
  const hash = createHash('sha256');
  hash.update(`tierline-bench v${GENERATOR_VERSION} ${scale.name} ${seed}\n`);

  // ── 1. Organisation (the app's own use case), teams and users, in one transaction ──────────────────────────
  const t0 = performance.now();
  const orgCreatedAt = new Date(AS_OF.getTime() - 5 * 365 * DAY);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const urng = root.fork(1);
  const teamCount = scale.teams;
  const repsPerTeam = Math.ceil(scale.reps / teamCount);
  const regionPicker = new WeightedPicker(REGIONS.map((r) => r.weight));
  const teamRegion: number[] = [];
  const teamIds: string[] = [];
  const repIds: string[] = [];
  const repTeam: number[] = [];
  const managerIds: string[] = [];
  let userSeq = 0;
  const userRows: (typeof users.$inferInsert)[] = [];

  const world = await loader.db.transaction(async (tx) => {
    const { orgId, admin } = await createOrganisation(
      tx,
      {
        orgName: `Tierline 基准测试 ${scale.name}`,
        admin: { name: '基准管理员', email: `admin@${BENCH_EMAIL_DOMAIN}`, password: BENCH_PASSWORD },
      },
      orgCreatedAt,
    );
    const levelRows = await tx.select().from(levels).where(eq(levels.orgId, orgId));
    const levelId = (key: string) => levelRows.find((l) => l.key === key)?.id ?? null;
    const tierRows = await tx.select().from(tiers).where(eq(tiers.orgId, orgId));
    const tierIds = Object.fromEntries(tierRows.map((t) => [t.key, t.id]));

    const teamCreated = orgCreatedAt.getTime() + 30 * DAY;
    const teamRows: (typeof teams.$inferInsert)[] = [];
    const perRegion = new Map<number, number>();
    for (let t = 0; t < teamCount; t++) {
      const r = regionPicker.pick(urng);
      const k = (perRegion.get(r) ?? 0) + 1;
      perRegion.set(r, k);
      teamRegion.push(r);
      const id = uuidv7At(teamCreated + t * 60_000, t, urng);
      teamIds.push(id);
      teamRows.push({
        orgId,
        id,
        name: `${REGIONS[r].region}销售${k}组`,
        region: REGIONS[r].region,
        createdAt: new Date(teamCreated),
        updatedAt: new Date(teamCreated),
      });
    }
    for (let i = 0; i < teamRows.length; i += 500) await tx.insert(teams).values(teamRows.slice(i, i + 500));

    const user = (role: 'director' | 'manager' | 'rep' | 'viewer', email: string, team: number | null, level: string | null) => {
      const created = orgCreatedAt.getTime() + 31 * DAY + userSeq * 3_600_000;
      const id = uuidv7At(created, userSeq++, urng);
      userRows.push({
        orgId,
        id,
        email,
        name: personName(urng),
        role,
        teamId: team === null ? null : teamIds[team],
        levelId: level ? levelId(level) : null,
        hireDate: new Date(created).toISOString().slice(0, 10),
        passwordHash,
        createdAt: new Date(created),
        updatedAt: new Date(created),
      });
      hash.update(`user ${role} ${email} ${team} ${level} ${userRows[userRows.length - 1].name}\n`);
      return id;
    };
    user('director', `director1@${BENCH_EMAIL_DOMAIN}`, null, 'senior');
    user('director', `director2@${BENCH_EMAIL_DOMAIN}`, null, 'senior');
    user('viewer', `viewer@${BENCH_EMAIL_DOMAIN}`, null, null);
    for (let t = 0; t < teamCount; t++)
      managerIds.push(user('manager', `manager${String(t + 1).padStart(3, '0')}@${BENCH_EMAIL_DOMAIN}`, t, 'senior'));
    for (let r = 0; r < scale.reps; r++) {
      const team = Math.min(teamCount - 1, Math.floor(r / repsPerTeam));
      const roll = urng.next();
      repIds.push(
        user(
          'rep',
          `rep${String(r + 1).padStart(4, '0')}@${BENCH_EMAIL_DOMAIN}`,
          team,
          roll < 0.4 ? 'junior' : roll < 0.8 ? 'mid' : 'senior',
        ),
      );
      repTeam.push(team);
    }
    for (let i = 0; i < userRows.length; i += 500) {
      const slice = userRows.slice(i, i + 500);
      await tx.insert(users).values(slice);
      await tx.insert(loginEmails).values(slice.map((u) => ({ email: u.email, orgId, userId: u.id as string })));
    }
    for (let t = 0; t < teamCount; t++) {
      await tx.execute(sql`update teams set manager_id = ${managerIds[t]} where org_id = ${orgId} and id = ${teamIds[t]}`);
    }
    return { orgId, tierIds, adminId: admin.id } satisfies BenchWorld;
  });
  const orgAndUsersMs = performance.now() - t0;
  log(`  org, ${teamCount} teams, ${userRows.length} users: ${(orgAndUsersMs / 1000).toFixed(1)} s`);

  // Placeholders keep the hash independent of the ids createOrganisation made at random.
  const substitute = (chunk: string) =>
    chunk
      .replaceAll('@ORG@', world.orgId)
      .replaceAll('@TIER_SMB@', world.tierIds.smb)
      .replaceAll('@TIER_VIP@', world.tierIds.vip)
      .replaceAll('@TIER_KA@', world.tierIds.ka);

  // Foreign keys are checked by triggers; the generated rows satisfy them by construction, so skip the per-row checks.
  await loader.exec('set session_replication_role = replica');
  // Secondary indexes (not those behind a primary key or unique constraint) are built once after the load, from
  // their own definitions, instead of row by row: the usual bulk-load practice, same indexes in the end. Those of
  // tasks and notifications (the partial unique "one open cadence task per customer" among them) after their own load.
  const secondaryOf = (list: PgTable[]) =>
    loader.query<{ name: string; def: string }>(`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid in (${list.map((t) => `'${tableName(t)}'::regclass`).join(', ')})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`);
  const secondary = await secondaryOf([customers, orders, orderLines, activities, poolEvents]);
  const secondaryLate = await secondaryOf([tasks, notifications]);
  for (const ix of [...secondary, ...secondaryLate]) await loader.exec(`drop index ${ix.name}`);

  // ── 2. Customers ────────────────────────────────────────────────────────────────────────────────────────────
  const crng = root.fork(2);
  const n = scale.customers;
  const custIds: string[] = new Array(n);
  const propensity = new Float64Array(n); // 0: never orders
  const windowStart = new Float64Array(n);
  const windowEnd = new Float64Array(n);
  const ownerOf = new Int32Array(n); // rep index, or -1 in the pool
  // What the activities, pool events and tasks later need of each customer.
  const createdAt = new Float64Array(n);
  const lastContactOf = new Float64Array(n); // NaN: never contacted
  const deletedOf = new Uint8Array(n);
  const inactiveOf = new Uint8Array(n);
  const regionOf = new Uint8Array(n);
  const cityOf: string[] = new Array(n);
  const repWeights = repIds.map(() => 0.5 + 1.5 * crng.next());
  const repPicker = new WeightedPicker(repWeights);
  const industryPicker = new WeightedPicker(INDUSTRIES.map((i) => i.weight));
  const historyStart = AS_OF.getTime() - HISTORY_DAYS * DAY;
  const createdFrom = AS_OF.getTime() - 4 * 365 * DAY;
  const createdSpan = AS_OF.getTime() - DAY - createdFrom;
  const customerCols = cols(
    customers.orgId,
    customers.id,
    customers.name,
    customers.tierId,
    customers.ownerId,
    customers.teamId,
    customers.industry,
    customers.region,
    customers.source,
    customers.phone,
    customers.phoneDigits,
    customers.email,
    customers.address,
    customers.tags,
    customers.externalId,
    customers.lastContactAt,
    customers.status,
    customers.ownedSince,
    customers.createdAt,
    customers.updatedAt,
    customers.deletedAt,
  );
  const cw = new CopyWriter(loader, tableName(customers), customerCols, hash, substitute);
  for (let i = 0; i < n; i++) {
    const created = createdFrom + ((i + crng.next()) * createdSpan) / n;
    const id = uuidv7At(created, i, crng);
    custIds[i] = id;
    const inPool = crng.chance(0.1);
    const owner = inPool ? -1 : repPicker.pick(crng);
    ownerOf[i] = owner;
    const regionIdx = owner >= 0 && crng.chance(0.75) ? teamRegion[repTeam[owner]] : regionPicker.pick(crng);
    const region = REGIONS[regionIdx];
    const city = crng.pick(region.cities);
    const industry = INDUSTRIES[industryPicker.pick(crng)];
    const name = companyName(crng, city, industry.words);
    const tel = crng.chance(0.9) ? phone(crng) : null;
    const latin = LATIN_BRANDS.find((b) => name.includes(b));
    const email = crng.chance(0.7)
      ? `${crng.pick(['sales', 'info', 'purchase', 'contact', 'cg'])}${i % 97}@${(latin ?? cityPinyin(city)).toLowerCase().replace(/[^a-z]/g, '')}${i}.com.cn`
      : null;
    const tagCount = crng.chance(0.45) ? crng.int(1, 3) : 0;
    const tags = [...new Set(Array.from({ length: tagCount }, () => crng.pick(TAGS)))];
    const buys = crng.chance(0.78);
    let status: 'prospect' | 'active' | 'inactive' = 'active';
    if (buys) {
      propensity[i] = crng.pareto(1.16, 400);
      const start = Math.max(created, historyStart);
      const churned = crng.chance(0.25);
      const end = churned ? start + crng.next() * (AS_OF.getTime() - start) : AS_OF.getTime() - 1000;
      windowStart[i] = start;
      windowEnd[i] = Math.max(end, Math.min(start + DAY, AS_OF.getTime() - 1000));
      if (churned && windowEnd[i] < AS_OF.getTime() - 365 * DAY && crng.chance(0.6)) status = 'inactive';
    } else {
      status = crng.chance(0.7) ? 'prospect' : 'inactive';
    }
    const lastContact = crng.chance(0.05)
      ? null
      : AS_OF.getTime() - Math.min(Math.max(AS_OF.getTime() - created, DAY), (crng.exp(inPool ? 90 : 18) + crng.next()) * DAY);
    const deleted = crng.chance(0.005) ? created + crng.next() * (AS_OF.getTime() - created) : null;
    const updated = Math.max(created, lastContact ?? created, deleted ?? created);
    // As stored: a timestamp keeps whole milliseconds (Date truncates), and the cadence due time is counted from it.
    createdAt[i] = Math.floor(created);
    lastContactOf[i] = lastContact === null ? Number.NaN : Math.floor(lastContact);
    deletedOf[i] = deleted === null ? 0 : 1;
    inactiveOf[i] = status === 'inactive' ? 1 : 0;
    regionOf[i] = regionIdx;
    cityOf[i] = city;
    if (
      cw.add(
        [
          '@ORG@',
          id,
          f(name),
          '@TIER_SMB@',
          owner >= 0 ? repIds[owner] : '',
          owner >= 0 ? teamIds[repTeam[owner]] : '',
          f(industry.industry),
          f(region.region),
          f(crng.pick(SOURCES)),
          f(tel),
          f(phoneDigits(tel)),
          f(email),
          f(address(crng, city, region.districts)),
          f(`{${tags.join(',')}}`),
          crng.chance(0.7) ? `CRM-${String(i + 1).padStart(8, '0')}` : '',
          lastContact === null ? '' : iso(lastContact),
          status,
          owner >= 0 ? iso(created) : '',
          iso(created),
          iso(updated),
          deleted === null ? '' : iso(deleted),
        ].join(','),
      )
    )
      await cw.flush();
  }
  await cw.close();
  const customersWallMs = performance.now() - cw.startedAt;
  log(`  customers: ${cw.rows} rows in ${(cw.ms / 1000).toFixed(1)} s of COPY`);

  // ── 3. Account teams for the biggest accounts ──────────────────────────────────────────────────────────────
  const arng = root.fork(3);
  const sorted = Float64Array.from(propensity).sort();
  const keyAccountCut = sorted[Math.floor(n * 0.95)];
  const teamReps: number[][] = teamIds.map(() => []);
  repTeam.forEach((t, r) => {
    teamReps[t].push(r);
  });
  const aw = new CopyWriter(
    loader,
    tableName(accountTeamMembers),
    cols(
      accountTeamMembers.orgId,
      accountTeamMembers.customerId,
      accountTeamMembers.userId,
      accountTeamMembers.role,
      accountTeamMembers.access,
      accountTeamMembers.addedAt,
    ),
    hash,
    substitute,
  );
  for (let i = 0; i < n; i++) {
    const owner = ownerOf[i];
    if (owner < 0 || propensity[i] < keyAccountCut || propensity[i] === 0) continue;
    const added = iso(windowStart[i] || AS_OF.getTime() - 30 * DAY);
    const mates = teamReps[repTeam[owner]].filter((r) => r !== owner);
    if (mates.length && aw.add(`@ORG@,${custIds[i]},${repIds[arng.pick(mates)]},co_owner,write,${added}`)) await aw.flush();
    if (arng.chance(0.5) && teamIds.length > 1) {
      const other = (repTeam[owner] + 1 + arng.int(0, teamIds.length - 2)) % teamIds.length;
      if (teamReps[other].length && aw.add(`@ORG@,${custIds[i]},${repIds[arng.pick(teamReps[other])]},service,read,${added}`))
        await aw.flush();
    }
  }
  await aw.close();

  // ── 4. Orders and lines: planned per customer, written in time order like a real order table ───────────────
  const orng = root.fork(4);
  const targetOrders = Math.round(scale.orderLines / 4);
  let totalPropensity = 0;
  for (let i = 0; i < n; i++) totalPropensity += propensity[i];
  const counts = new Int32Array(n);
  let orderCount = 0;
  for (let i = 0; i < n; i++) {
    if (propensity[i] === 0) continue;
    const expected = (propensity[i] / totalPropensity) * targetOrders;
    counts[i] = Math.max(1, Math.floor(expected) + (orng.next() < expected - Math.floor(expected) ? 1 : 0));
    orderCount += counts[i];
  }
  const orderCustomer = new Int32Array(orderCount);
  const orderTime = new Float64Array(orderCount);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < counts[i]; j++, k++) {
      orderCustomer[k] = i;
      orderTime[k] = Math.floor(windowStart[i] + orng.next() * (windowEnd[i] - windowStart[i]));
    }
  }
  const byTime = new Uint32Array(orderCount);
  for (let k = 0; k < orderCount; k++) byTime[k] = k;
  byTime.sort((a, b) => orderTime[a] - orderTime[b] || a - b);

  const catalogue = productCatalogue(root.fork(5), scale.products);
  const productPicker = new WeightedPicker(catalogue.map((_, r) => 1 / (r + 1) ** 0.9));
  const ow = new CopyWriter(
    loader,
    tableName(orders),
    cols(orders.orgId, orders.id, orders.externalId, orders.customerId, orders.orderedAt, orders.currency, orders.amount, orders.createdAt),
    hash,
    substitute,
  );
  const lw = new CopyWriter(
    loader,
    tableName(orderLines),
    cols(
      orderLines.orgId,
      orderLines.orderId,
      orderLines.lineNo,
      orderLines.productCode,
      orderLines.productName,
      orderLines.category,
      orderLines.quantity,
      orderLines.unitPrice,
    ),
    hash,
    substitute,
  );
  const lrng = root.fork(6);
  const productNames = catalogue.map((p) => f(p.name));
  for (let s = 0; s < orderCount; s++) {
    const k = byTime[s];
    const c = orderCustomer[k];
    const at = orderTime[k];
    const id = uuidv7At(at, s, lrng);
    const stamp = iso(at);
    if (ow.add(`@ORG@,${id},SO${String(s + 1).padStart(9, '0')},${custIds[c]},${stamp},CNY,0,${stamp}`)) await ow.flush();
    const lines = 1 + Math.min(19, Math.floor(lrng.exp(3.5)));
    const size = 1 + Math.log(propensity[c]);
    for (let l = 1; l <= lines; l++) {
      const p = productPicker.pick(lrng);
      const product = catalogue[p];
      const quantity = Math.max(1, Math.round((1 + lrng.exp(4)) * size));
      const unitPrice = (Math.round(product.price * (85 + lrng.int(0, 20))) / 100).toFixed(2);
      if (lw.add(`@ORG@,${id},${l},${product.code},${productNames[p]},${product.category},${quantity},${unitPrice}`)) await lw.flush();
    }
  }
  await ow.close();
  await lw.close();
  const ordersWallMs = performance.now() - ow.startedAt;
  log(`  orders: ${ow.rows} rows, order lines: ${lw.rows} rows`);

  // ── 5. Activities and pool events, written in time order like the real tables ──────────────────────────────
  // Every customer contacted (last_contact_at set) has a contact activity (call, email, visit, meeting) at exactly that
  // time and its other contacts before it, so last_contact_at is the latest contact; notes (which are no contact) fall
  // anywhere up to AS_OF. A pool customer's activities are its former owner's, all before it went to the pool. The heavy
  // customer — rep0001's biggest buyer — gets activities until its timeline holds HEAVY_TIMELINE_EVENTS events.
  const tAct = performance.now();
  const vrng = root.fork(7);
  const formerOwner = Int32Array.from(ownerOf);
  for (let i = 0; i < n; i++) if (formerOwner[i] < 0) formerOwner[i] = repPicker.pick(vrng);
  let heavy = -1;
  // The biggest buyer among rep0001's customers, contacted and old enough for three years of history if there is one.
  for (const oldEnough of [true, false]) {
    for (let i = 0; i < n; i++) {
      if (ownerOf[i] !== 0 || deletedOf[i] || Number.isNaN(lastContactOf[i]) || (oldEnough && createdAt[i] > historyStart)) continue;
      if (heavy < 0 || propensity[i] > propensity[heavy]) heavy = i;
    }
    if (heavy >= 0) break;
  }
  if (heavy < 0) throw new Error('rep0001 owns no customer to make the heavy one of');
  // Its timeline: activities, orders and its one tier history row (the recompute below writes it; checked at the end).
  const heavyActivities = HEAVY_TIMELINE_EVENTS - counts[heavy] - 1;

  // Pool events first: a pool customer's last event bounds its former owner's notes.
  const poolCustomers: number[] = [];
  const poolKind: string[] = [];
  const poolAt: number[] = [];
  const poolUntil = new Float64Array(n).fill(AS_OF.getTime() - HOUR);
  for (let i = 0; i < n; i++) {
    if (ownerOf[i] >= 0) continue;
    const touched = Number.isNaN(lastContactOf[i]) ? createdAt[i] : lastContactOf[i];
    const reclaimAt = touched + 30 * DAY;
    if (reclaimAt < AS_OF.getTime() - HOUR && vrng.chance(0.7)) {
      // Not contacted for the SMB tier's 30 days: warned 3 days before, then reclaimed by the sweep (on its hour).
      const warnAt = Math.ceil((reclaimAt - 3 * DAY) / HOUR) * HOUR;
      const at = Math.ceil(reclaimAt / HOUR) * HOUR;
      poolCustomers.push(i, i);
      poolKind.push('warning', 'reclaim');
      poolAt.push(warnAt, at);
      poolUntil[i] = at;
    } else {
      const at = Math.floor(touched + vrng.next() * Math.min(10 * DAY, AS_OF.getTime() - HOUR - touched));
      poolCustomers.push(i);
      poolKind.push('release');
      poolAt.push(at);
      poolUntil[i] = at;
    }
  }
  const poolOrder = Uint32Array.from(poolAt.keys()).sort((a, b) => poolAt[a] - poolAt[b] || a - b);
  const pw = new CopyWriter(
    loader,
    tableName(poolEvents),
    cols(
      poolEvents.orgId,
      poolEvents.id,
      poolEvents.customerId,
      poolEvents.kind,
      poolEvents.userId,
      poolEvents.actorId,
      poolEvents.reason,
      poolEvents.at,
    ),
    hash,
    substitute,
  );
  const prng = root.fork(8);
  for (let s = 0; s < poolOrder.length; s++) {
    const k = poolOrder[s];
    const c = poolCustomers[k];
    const at = poolAt[k];
    const user = repIds[formerOwner[c]];
    const days = Math.floor((at - (Number.isNaN(lastContactOf[c]) ? createdAt[c] : lastContactOf[c])) / DAY);
    const kind = poolKind[k];
    const reason =
      kind === 'warning'
        ? `No contact for ${days} days; returns to the pool on ${iso(at + 3 * DAY + 8 * HOUR)
            .slice(0, 16)
            .replace('T', ' ')} unless contacted (limit: 30 days)`
        : kind === 'reclaim'
          ? `No contact for ${days} days; the tier returns customers to the pool after 30 days`
          : prng.pick(POOL_RELEASE_REASONS);
    const actor = kind === 'release' ? user : '';
    if (pw.add(`@ORG@,${uuidv7At(at, s, prng)},${custIds[c]},${kind},${user},${actor},${f(reason)},${iso(at)}`)) await pw.flush();
  }
  await pw.close();

  // How many activities each customer gets: about activitiesPerCustomer on average, more for bigger buyers (tiers
  // follow spend), fewer for the pool and for inactive customers; at least the one contact that set last_contact_at.
  const activityCount = new Int32Array(n);
  const weight = new Float64Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    let w = propensity[i] > 0 ? Math.sqrt(propensity[i]) : 0.5;
    if (ownerOf[i] < 0) w *= 0.6;
    if (inactiveOf[i]) w *= 0.5;
    weight[i] = w;
    if (i !== heavy) weightSum += w;
  }
  let activityTotal = 0;
  for (let i = 0; i < n; i++) {
    let count: number;
    if (i === heavy) count = heavyActivities;
    else {
      const x = ((weight[i] * scale.activitiesPerCustomer * (n - 1)) / weightSum) * (0.4 + 1.2 * vrng.next());
      count = Math.floor(x) + (vrng.next() < x - Math.floor(x) ? 1 : 0);
    }
    if (!Number.isNaN(lastContactOf[i])) count = Math.max(1, count);
    activityCount[i] = count;
    activityTotal += count;
  }
  const NOTE = ACTIVITY_KIND_WEIGHTS.findIndex((k) => k.kind === 'note');
  const kindPicker = new WeightedPicker(ACTIVITY_KIND_WEIGHTS.map((k) => k.weight));
  const contactPicker = new WeightedPicker(ACTIVITY_KIND_WEIGHTS.map((k, x) => (x === NOTE ? 0 : k.weight)));
  const actCustomer = new Int32Array(activityTotal);
  const actTime = new Float64Array(activityTotal);
  const actKind = new Uint8Array(activityTotal);
  const actLast = new Uint8Array(activityTotal); // the contact that set last_contact_at: never deleted
  for (let i = 0, a = 0; i < n; i++) {
    const count = activityCount[i];
    if (!count) continue;
    const last = lastContactOf[i];
    const from = Math.max(createdAt[i], historyStart);
    let k = 0;
    if (!Number.isNaN(last)) {
      actCustomer[a] = i;
      actTime[a] = last;
      actKind[a] = contactPicker.pick(vrng);
      actLast[a] = 1;
      a++;
      k = 1;
    }
    for (; k < count; k++, a++) {
      const kind = Number.isNaN(last) ? NOTE : kindPicker.pick(vrng);
      const end = kind === NOTE ? Math.max(poolUntil[i], Number.isNaN(last) ? 0 : last) : last;
      const start = Math.min(from, end - HOUR);
      actCustomer[a] = i;
      actTime[a] = Math.floor(start + vrng.next() * (end - start));
      actKind[a] = kind;
    }
  }
  const actOrder = new Uint32Array(activityTotal);
  for (let a = 0; a < activityTotal; a++) actOrder[a] = a;
  actOrder.sort((x, y) => actTime[x] - actTime[y] || x - y);

  const actw = new CopyWriter(
    loader,
    tableName(activities),
    cols(
      activities.orgId,
      activities.id,
      activities.kind,
      activities.subject,
      activities.notes,
      activities.outcome,
      activities.occurredAt,
      activities.durationMinutes,
      activities.customerId,
      activities.ownerId,
      activities.teamId,
      activities.checkInAt,
      activities.location,
      activities.createdAt,
      activities.updatedAt,
      activities.deletedAt,
    ),
    hash,
    substitute,
  );
  const wrng = root.fork(9);
  const outcomePickers = Object.fromEntries(
    Object.entries(ACTIVITY_VOCABULARY).map(([kind, v]) => [kind, new WeightedPicker(v.outcomes.map((o) => o.weight))]),
  ) as Record<keyof typeof ACTIVITY_VOCABULARY, WeightedPicker>;
  const asOfMs = AS_OF.getTime();
  for (let s = 0; s < activityTotal; s++) {
    const a = actOrder[s];
    const c = actCustomer[a];
    const at = actTime[a];
    const kind = ACTIVITY_KIND_WEIGHTS[actKind[a]].kind;
    const vocabulary = ACTIVITY_VOCABULARY[kind];
    const category = wrng.pick(PRODUCT_CATEGORIES);
    const subject = wrng.pick(vocabulary.subjects).replace('{c}', category.category).replace('{i}', wrng.pick(category.items));
    const outcome = vocabulary.outcomes[outcomePickers[kind].pick(wrng)].outcome;
    const minutes = vocabulary.minutes ? wrng.int(vocabulary.minutes[0], vocabulary.minutes[1]) : null;
    const notes = wrng.chance(0.3) ? wrng.pick(ACTIVITY_NOTES) : null;
    // Logged a little after it happened (never after AS_OF); a few were deleted later.
    const created = Math.max(at, Math.min(at + wrng.int(1, 120) * MINUTE, asOfMs - 1000));
    const deleted =
      !actLast[a] && c !== heavy && wrng.chance(0.003) ? Math.max(created, Math.min(created + wrng.int(1, 30) * DAY, asOfMs - 1000)) : null;
    const owner = formerOwner[c];
    const visit = kind === 'visit';
    if (
      actw.add(
        [
          '@ORG@',
          uuidv7At(created, s, wrng),
          kind,
          f(subject),
          f(notes),
          outcome ?? '',
          iso(at),
          minutes ?? '',
          custIds[c],
          repIds[owner],
          teamIds[repTeam[owner]],
          visit ? iso(at) : '',
          visit ? f(address(wrng, cityOf[c], REGIONS[regionOf[c]].districts)) : '',
          iso(created),
          iso(deleted ?? created),
          deleted === null ? '' : iso(deleted),
        ].join(','),
      )
    )
      await actw.flush();
  }
  await actw.close();
  const activitiesWallMs = performance.now() - tAct;
  log(`  activities: ${actw.rows} rows (heavy customer ${heavyActivities}), pool events: ${pw.rows} rows`);

  await loader.exec('set session_replication_role = origin');

  // ── 6. Order amounts from their lines, summed in SQL numeric (as the app's insertOrdersWithLines does) ──────
  const t5 = performance.now();
  await loader.exec(`update orders o set amount = s.amount
    from (select order_id, round(sum(quantity * unit_price), 2) as amount
          from order_lines where org_id = '${world.orgId}' group by order_id) s
    where o.org_id = '${world.orgId}' and o.id = s.order_id`);
  const amountUpdateMs = performance.now() - t5;
  log(`  order amounts: ${(amountUpdateMs / 1000).toFixed(1)} s`);
  const tIx = performance.now();
  for (const ix of secondary) await loader.exec(ix.def);
  const indexMs = performance.now() - tIx;
  log(`  ${secondary.length} secondary indexes built: ${(indexMs / 1000).toFixed(1)} s`);

  const t6 = performance.now();
  await loader.exec('vacuum analyze');
  const analyzeMs = performance.now() - t6;
  log(`  vacuum analyze: ${(analyzeMs / 1000).toFixed(1)} s`);

  // ── 7. Tiers as the rules give them as of AS_OF, through the app's own recompute (history for every customer) ─
  // The first recompute of an organisation writes a history row for every customer, and its NOT EXISTS on tier_changes
  // (then empty, so estimated tiny) is planned as a nested loop that rescans the rows the same statement is inserting:
  // quadratic, and more than 10 minutes at scale M on PostgreSQL 15. Until the app avoids that plan, the generator runs
  // this one recompute with nested loops off, on its own connection; the benchmark's recomputes run as the app does.
  await loader.exec('set enable_nestloop = off');
  const t7 = performance.now();
  const summary = await recomputeTiers(
    {
      db: loader.db,
      actor: { orgId: world.orgId, userId: world.adminId, role: 'admin', teamId: null, levelId: null, managedTeamIds: [], via: 'token' },
      requestId: 'bench-generate',
      clock: { now: () => AS_OF },
    },
    { asOf: AS_OF.toISOString() },
  );
  const recomputeMs = performance.now() - t7;
  await loader.exec('reset enable_nestloop');
  log(`  initial tier recompute: ${(recomputeMs / 1000).toFixed(1)} s, ${summary.changed} customers moved`);
  await loader.exec('vacuum analyze customers');
  await loader.exec('vacuum analyze tier_changes');

  // ── 8. Follow-up tasks and their reminders, as the app's jobs leave them ─────────────────────────────────────
  // The server's job worker runs on the real clock against the benchmark's data: the cadence job would create an open
  // cadence task for every owned customer without one, and the reminders job would notify every open task past due.
  // So the generator writes what those jobs converge to: one open cadence task per owned, undeleted customer, for its
  // owner, due at its last contact (else since when it is owned) plus its tier's cadence days — the tier the recompute
  // just gave it — and every open task's overdue reminder sent (on the reminders job's 5-minute slot after it fell due),
  // with the notification it sent. The jobs then find nothing to do, and the data stays as generated. Each rep also has
  // a few tasks made by hand: open ones overdue, due on AS_OF's day or in the next two weeks, and some done.
  const tTasks = performance.now();
  const customerTiers = await loader.query<{ id: string; tier_id: string; name: string }>(
    `select id, tier_id, name from customers where org_id = '${world.orgId}' order by id`,
  );
  if (customerTiers.length !== n || customerTiers.some((r, i) => r.id !== custIds[i]))
    throw new Error('the customers do not read back in the order they were generated');
  const cadenceDays = new Map(
    (
      await loader.query<{ tier_id: string; cadence_days: number }>(
        `select tier_id, cadence_days from tier_policies where org_id = '${world.orgId}'`,
      )
    ).map((p) => [p.tier_id, Number(p.cadence_days)]),
  );
  await loader.exec('set session_replication_role = replica');
  const trng = root.fork(10);
  const tw = new CopyWriter(
    loader,
    tableName(tasks),
    cols(
      tasks.orgId,
      tasks.id,
      tasks.title,
      tasks.dueAt,
      tasks.assigneeId,
      tasks.teamId,
      tasks.priority,
      tasks.status,
      tasks.source,
      tasks.activityKind,
      tasks.customerId,
      tasks.completedAt,
      tasks.overdueNotifiedAt,
      tasks.createdBy,
      tasks.createdAt,
      tasks.updatedAt,
    ),
    hash,
    substitute,
  );
  const slotAfter = (t: number) => (Math.floor(t / REMINDER_SLOT) + 1) * REMINDER_SLOT;
  const reminded: { due: number; id: string; rep: number; title: string; customer: number }[] = [];
  const repCustomers: number[][] = repIds.map(() => []);
  let taskSeq = 0;
  for (let i = 0; i < n; i++) {
    const owner = ownerOf[i];
    if (owner < 0 || deletedOf[i]) continue;
    repCustomers[owner].push(i);
    const days = cadenceDays.get(customerTiers[i].tier_id);
    if (days === undefined) continue;
    const last = lastContactOf[i];
    const due = (Number.isNaN(last) ? createdAt[i] : last) + days * DAY;
    const created = createdAt[i] + trng.int(0, 15) * MINUTE;
    const id = uuidv7At(created, taskSeq++, trng);
    const title = cadenceTitle(customerTiers[i].name, 'zh-CN');
    reminded.push({ due, id, rep: owner, title, customer: i });
    const row = [
      '@ORG@',
      id,
      f(title),
      iso(due),
      repIds[owner],
      teamIds[repTeam[owner]],
      'normal',
      'open',
      'cadence',
      '',
      custIds[i],
      '',
      iso(slotAfter(due)),
      '',
      iso(created),
      iso(Math.max(created, Number.isNaN(last) ? created : last)),
    ];
    if (tw.add(row.join(','))) await tw.flush();
  }
  const priorityPicker = new WeightedPicker([15, 55, 22, 8]);
  const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
  for (let r = 0; r < repIds.length; r++) {
    const mine = repCustomers[r];
    const open = trng.int(3, 8);
    const done = trng.int(4, 12);
    for (let k = 0; k < open + done; k++) {
      const isOpen = k < open;
      const what = trng.pick(TASK_TITLES);
      const customer = mine.length && trng.chance(0.85) ? trng.pick(mine) : -1;
      const roll = trng.next();
      // AS_OF is midnight in Shanghai: AS_OF + d days + 9..18 hours is a working hour of that day there.
      const day = !isOpen ? -trng.int(1, 120) : roll < 0.4 ? -trng.int(1, 20) : roll < 0.65 ? 0 : trng.int(1, 14);
      const due = asOfMs + day * DAY + trng.int(9, 18) * HOUR + trng.int(0, 3) * 15 * MINUTE;
      const created = Math.min(due, asOfMs - HOUR) - trng.int(1, 14) * DAY - trng.int(0, 480) * MINUTE;
      const completed = isOpen ? null : Math.max(created, Math.min(due + trng.int(-48, 4) * HOUR, asOfMs - HOUR));
      const id = uuidv7At(created, taskSeq++, trng);
      if (isOpen) reminded.push({ due, id, rep: r, title: what.title, customer });
      const row = [
        '@ORG@',
        id,
        f(what.title),
        iso(due),
        repIds[r],
        teamIds[repTeam[r]],
        PRIORITIES[priorityPicker.pick(trng)],
        isOpen ? 'open' : 'done',
        'manual',
        what.kind ?? '',
        customer < 0 ? '' : custIds[customer],
        completed === null ? '' : iso(completed),
        isOpen ? iso(slotAfter(due)) : '',
        repIds[r],
        iso(created),
        iso(completed ?? created),
      ];
      if (tw.add(row.join(','))) await tw.flush();
    }
  }
  await tw.close();

  // The overdue reminders, in the order the reminders job sent them; those older than three days before AS_OF mostly read.
  reminded.sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1));
  const nw = new CopyWriter(
    loader,
    tableName(notifications),
    cols(
      notifications.orgId,
      notifications.id,
      notifications.userId,
      notifications.kind,
      notifications.params,
      notifications.entity,
      notifications.entityId,
      notifications.createdAt,
      notifications.readAt,
    ),
    hash,
    substitute,
  );
  const nrng = root.fork(11);
  for (let k = 0; k < reminded.length; k++) {
    const t = reminded[k];
    const at = slotAfter(t.due);
    const read = at < asOfMs - 3 * DAY && nrng.chance(0.85) ? at + nrng.int(10, 36 * 60) * MINUTE : null;
    const params = JSON.stringify({
      title: t.title,
      dueAt: iso(t.due),
      customerId: t.customer < 0 ? null : custIds[t.customer],
      dealId: null,
    });
    const row = [
      '@ORG@',
      uuidv7At(at, k, nrng),
      repIds[t.rep],
      'task_overdue',
      f(params),
      'task',
      t.id,
      iso(at),
      read === null ? '' : iso(read),
    ];
    if (nw.add(row.join(','))) await nw.flush();
  }
  await nw.close();
  await loader.exec('set session_replication_role = origin');
  for (const ix of secondaryLate) await loader.exec(ix.def);
  await loader.exec('vacuum analyze tasks');
  await loader.exec('vacuum analyze notifications');
  const tasksWallMs = performance.now() - tTasks;
  log(`  tasks: ${tw.rows} rows, notifications: ${nw.rows} rows, ${secondaryLate.length} indexes: ${(tasksWallMs / 1000).toFixed(1)} s`);

  // The heavy customer's timeline, counted by the app's own timeline query: exactly HEAVY_TIMELINE_EVENTS events.
  const heavyEvents = (
    await timelinePage(loader.db, world.orgId, customerBranches(world.orgId, custIds[heavy]), undefined, HEAVY_TIMELINE_EVENTS + 100)
  ).length;
  if (heavyEvents !== HEAVY_TIMELINE_EVENTS)
    throw new Error(`the heavy customer's timeline has ${heavyEvents} events, not ${HEAVY_TIMELINE_EVENTS}: the generator's count is off`);
  log(`  heavy customer ${custIds[heavy]}: ${heavyEvents} timeline events (${heavyActivities} activities, ${counts[heavy]} orders)`);

  const writers = [cw, aw, ow, lw, actw, pw, tw, nw];
  const tables: Record<string, TableLoad> = {};
  for (const w of writers) {
    tables[w.table] = { rows: w.rows, ms: Math.round(w.ms), rowsPerSec: Math.round(w.rows / (w.ms / 1000)) };
  }
  const copyRows = writers.reduce((sum, w) => sum + w.rows, 0);
  const copyMs = writers.reduce((sum, w) => sum + w.ms, 0);
  return {
    version: GENERATOR_VERSION,
    seed,
    scale: scale.name,
    engine: loader.engine,
    asOf: AS_OF.toISOString(),
    contentSha256: hash.digest('hex'),
    tables,
    copyRows,
    copyMs: Math.round(copyMs),
    copyRowsPerSec: Math.round(copyRows / (copyMs / 1000)),
    customersWallMs: Math.round(customersWallMs),
    ordersWallMs: Math.round(ordersWallMs),
    activitiesWallMs: Math.round(activitiesWallMs),
    tasksWallMs: Math.round(tasksWallMs),
    heavyCustomer: { id: custIds[heavy], timelineEvents: heavyEvents, activities: heavyActivities, orders: counts[heavy] },
    wallRowsPerSec: Math.round((cw.rows + ow.rows + lw.rows) / ((customersWallMs + ordersWallMs) / 1000)),
    orgAndUsersMs: Math.round(orgAndUsersMs),
    amountUpdateMs: Math.round(amountUpdateMs),
    indexMs: Math.round(indexMs),
    analyzeMs: Math.round(analyzeMs),
    initialRecompute: { ms: Math.round(recomputeMs), changed: summary.changed, customers: summary.customers },
    totalMs: Math.round(performance.now() - started),
    generatedAt: new Date().toISOString(),
  };
}
