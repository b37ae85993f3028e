import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from '../engine.ts';

/**
 * The guides in docs/guides, run as written: every ```sh block marked `<!-- guide-test -->` is taken in order and
 * run with bash from the repository's root, on a fresh database of the engine under test, with the settings the
 * guide reads from the environment (WORK a temporary folder; DATA left to the guide's own default). One thing is
 * translated: `npm run tierline --` becomes `node --import tsx apps/server/src/cli/main.ts` (what the script runs,
 * without npm's start-up). A block marked `<!-- guide-test server -->` talks to the running server: the test starts
 * it before the block and stops it after, as the guide tells the reader to. Then the database is checked against
 * an independent computation from the data set's CSV files.
 */

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const guides = path.join(root, 'docs/guides');
/** The guides' default DATA (../shared/data from the repository's root). */
const data = path.resolve(root, '../shared/data');

const CLI = 'node --import tsx apps/server/src/cli/main.ts';
const BLOCK = /<!-- guide-test( server)? -->\n```sh\n([\s\S]*?)\n```/g;

type Step = { server: boolean; code: string };

/** The guide's runnable steps, in order; every ```sh block must be one (nothing shown as a command goes untested). */
function guideSteps(file: string): Step[] {
  const markdown = fs.readFileSync(path.join(guides, file), 'utf8');
  const steps = [...markdown.matchAll(BLOCK)].map((m) => ({ server: Boolean(m[1]), code: m[2] }));
  expect(steps.length, `${file}: every sh block is marked <!-- guide-test -->`).toBe(markdown.split('```sh\n').length - 1);
  return steps;
}

/** One bash script of the steps, the server started and stopped around the steps that need it. */
function scriptOf(steps: Step[]): string {
  const lines = [
    'set -euo pipefail',
    'tierline_server_start() {',
    '  node --import tsx apps/server/src/main.ts > "$GUIDE_SERVER_LOG" 2>&1 &',
    '  GUIDE_SERVER=$!',
    '  until curl -sf "$TIERLINE_URL/healthz" > /dev/null; do',
    '    if ! kill -0 "$GUIDE_SERVER" 2> /dev/null; then cat "$GUIDE_SERVER_LOG" >&2; return 1; fi',
    '    sleep 0.2',
    '  done',
    '}',
    'tierline_server_stop() { kill "$GUIDE_SERVER"; wait "$GUIDE_SERVER" || true; GUIDE_SERVER=; }',
    `trap 'if [ -n "\${GUIDE_SERVER:-}" ]; then kill "$GUIDE_SERVER"; fi' EXIT`,
  ];
  steps.forEach((step, i) => {
    lines.push(`echo "== guide step ${i + 1} at \${SECONDS} s" >&2`);
    if (step.server) lines.push('tierline_server_start');
    lines.push(step.code.replaceAll('npm run tierline --', CLI));
    if (step.server) lines.push('tierline_server_stop');
  });
  lines.push(`echo "== guide done at \${SECONDS} s" >&2`);
  return `${lines.join('\n')}\n`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh, migrated database for the CLI and the server: a PGlite data directory made from the run's migrated
 * template (what a first start would make, without initdb), or a PostgreSQL database copied from the template.
 */
async function freshDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-guide-db-'));
    const seeded = await openPglite({
      dataDir: path.join(dir, 'pgdata'),
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]),
    });
    await seeded.close();
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openPglite({ dataDir: path.join(dir, 'pgdata') }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `tierline_guide_${inject('testRunId')}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template tierline_template_${inject('testRunId')}`);
  await admin.end();
  return {
    env: { DATABASE_URL: databaseUrlFor(name) },
    open: () => openPostgres(databaseUrlFor(name), 2),
    drop: async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

type Run = { status: number | null; stdout: string; stderr: string; seconds: number };

/** Runs the guide's steps with bash from the repository's root; on a timeout, the whole process group goes. */
async function runGuide(
  file: string,
  work: string,
  database: Record<string, string>,
  settings: Record<string, string>,
  timeoutMs: number,
): Promise<Run> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The guides' own settings come from the guide (or from `settings`), never from the developer's shell.
  for (const name of [
    'DATA',
    'CRM',
    'WORK',
    'ORG',
    'DAYS',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'TIERLINE_ADMIN_EMAIL',
    'TIERLINE_ADMIN_PASSWORD',
  ])
    delete env[name];
  Object.assign(env, database, settings, {
    WORK: work,
    INIT_CWD: root,
    HOST: '127.0.0.1',
    PORT: String(port),
    TIERLINE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    GUIDE_SERVER_LOG: path.join(work, 'server.log'),
  });
  const started = performance.now();
  return new Promise<Run>((resolve, reject) => {
    const child = spawn('bash', ['-c', scriptOf(guideSteps(file))], { cwd: root, env, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${timeoutMs} ms)`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Exact decimals, independent of the server's code

/** A decimal text as an integer of `scale` decimal places. */
function units(text: string, scale: number): bigint {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[3] ?? '').length > scale) throw new Error(`not a decimal of at most ${scale} places: ${text}`);
  const value = BigInt(`${m[2] || '0'}${(m[3] ?? '').padEnd(scale, '0')}`);
  return m[1] ? -value : value;
}

/** An integer of `scale` places rounded to cents, half away from zero. */
function toCents(value: bigint, scale: number): bigint {
  const unit = 10n ** BigInt(scale - 2);
  const rounded = ((value < 0n ? -value : value) + unit / 2n) / unit;
  return value < 0n ? -rounded : rounded;
}

const moneyText = (cents: bigint) => {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** When each step started, and the CLI's closing line of each import, for the log. */
const resultLines = (run: Run) =>
  ['', ...(run.stderr.match(/^== guide .*$/gm) ?? []), ...(run.stdout.match(/^(succeeded|failed) in .*$/gm) ?? [])].join('\n  ');

const csv = (file: string) => parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];

async function orgIdOf(db: Database, name: string): Promise<string> {
  const { rows } = await db.rawQuery('select id from orgs where name = $1', [name]);
  expect(rows).toHaveLength(1);
  return String(rows[0].id);
}

const retailDays = path.join(data, 'online-retail/by-day');
const crm = path.join(data, 'crm-sales-opportunities');

// The two guides run side by side: each has its own database, port and folder.
describe.concurrent('docs/guides', () => {
  it.skipIf(!fs.existsSync(retailDays))(
    'import-online-retail.md builds the file and imports its orders with the CLI, as the guide says: counts and Σ amount as computed from the CSV',
    async () => {
      const DAYS = 20;
      const database = await freshDatabase();
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-guide-work-'));
      try {
        const run = await runGuide('import-online-retail.md', work, database.env, { DAYS: String(DAYS) }, 300_000);
        expect(run.status, `${run.stderr}\n${run.stdout}`).toBe(0);

        // The independent computation: the first DAYS daily files, each invoice an order, its amount Σ quantity ×
        // unit price rounded to cents; customers by CustomerID without its ".0", "walk-in" for none.
        const files = fs
          .readdirSync(retailDays)
          .filter((f) => f.endsWith('.csv'))
          .sort()
          .slice(0, DAYS);
        const orders = new Map<string, { sum: bigint; customer: string }>();
        let lines = 0;
        for (const file of files)
          for (const row of csv(path.join(retailDays, file))) {
            lines++;
            const customer = row.CustomerID.replace(/\.0+$/, '') || 'walk-in';
            const order = orders.get(row.InvoiceNo) ?? { sum: 0n, customer };
            order.sum += units(row.Quantity, 3) * units(row.UnitPrice, 4);
            orders.set(row.InvoiceNo, order);
          }
        const amounts = new Map([...orders].map(([no, o]) => [no, toCents(o.sum, 7)]));
        const total = moneyText([...amounts.values()].reduce((a, b) => a + b, 0n));
        const customers = new Set([...orders.values()].map((o) => o.customer));

        // What the CLI said: a clean dry run, then every line written.
        const said = [
          ...run.stdout.matchAll(/succeeded in [\d.]+ s: (\d+) rows, (\d+) inserted, (\d+) updated, (\d+) skipped, (\d+) errors/g),
        ];
        expect(said).toHaveLength(2);
        const [dry, real] = said.map((m) => m.slice(1).map(Number));
        expect([dry[0], dry[3], dry[4]]).toEqual([lines, 0, 0]);
        expect(real).toEqual([lines, orders.size, real[2], 0, 0]);

        const db = await database.open();
        try {
          const orgId = await orgIdOf(db, 'Online Retail');
          const stored = (await db.rawQuery('select external_id, amount::text as amount, currency from orders where org_id = $1', [orgId]))
            .rows;
          expect(stored).toHaveLength(orders.size);
          expect(new Set(stored.map((o) => o.currency))).toEqual(new Set(['GBP']));
          const storedAmounts = new Map(stored.map((o) => [String(o.external_id), String(o.amount)]));
          for (const [no, cents] of amounts) expect(storedAmounts.get(no), no).toBe(moneyText(cents));
          const [sums] = (
            await db.rawQuery(
              `select sum(o.amount)::text as total, (select count(*)::int from order_lines l join orders x on x.id = l.order_id where x.org_id = $1) as lines
             from orders o where o.org_id = $1`,
              [orgId],
            )
          ).rows;
          expect(sums).toEqual({ total, lines });
          const names = (await db.rawQuery('select external_id from customers where org_id = $1', [orgId])).rows;
          expect(new Set(names.map((c) => String(c.external_id)))).toEqual(customers);
        } finally {
          await db.close();
        }
        console.log(
          `online retail guide (${testEngine}, ${DAYS} days): ${lines} lines, ${orders.size} orders, ${customers.size} customers, Σ ${total}, ${run.seconds.toFixed(1)} s`,
          resultLines(run),
        );
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
        await database.drop();
      }
    },
    320_000,
  );

  it.skipIf(!fs.existsSync(crm))(
    'import-maven-crm.md imports teams, users, customers and deals as the guide says: every record as the CSV files give it',
    async () => {
      const database = await freshDatabase();
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-guide-work-'));
      try {
        const run = await runGuide('import-maven-crm.md', work, database.env, {}, 300_000);
        expect(run.status, `${run.stderr}\n${run.stdout}`).toBe(0);
        expect(run.stdout).toContain('41 rows, 41 inserted, 0 updated, 0 skipped, 0 errors');
        expect(run.stdout).toContain('85 rows, 85 inserted, 0 updated, 0 skipped, 0 errors');
        expect(run.stdout).toContain('8800 rows, 8800 inserted, 0 updated, 0 skipped, 0 errors');

        // The independent reading of the three files.
        const agents = csv(path.join(crm, 'sales_teams.csv'));
        const teamOf = new Map<string, string>();
        for (const a of agents) {
          teamOf.set(a.sales_agent, a.regional_office);
          teamOf.set(a.manager, a.regional_office);
        }
        const managers = new Set(agents.map((a) => a.manager));
        const accounts = csv(path.join(crm, 'accounts.csv'));
        const deals = csv(path.join(crm, 'sales_pipeline.csv'));
        const stageKey: Record<string, string> = { Prospecting: 'qualify', Engaging: 'quote', Won: 'won', Lost: 'lost' };

        const db = await database.open();
        try {
          const orgId = await orgIdOf(db, 'Maven Demo');
          const q = async (sql: string) => (await db.rawQuery(sql, [orgId])).rows;

          const teams = await q('select name, region from teams where org_id = $1 order by name');
          expect(teams).toEqual(['Central', 'East', 'West'].map((name) => ({ name, region: name })));

          const users = await q(
            'select u.name, u.email, u.role, t.name as team from users u left join teams t on t.id = u.team_id where u.org_id = $1',
          );
          expect(users).toHaveLength(1 + teamOf.size);
          for (const u of users) {
            if (u.role === 'admin') continue;
            const name = String(u.name);
            expect({ name, role: u.role, team: u.team }).toEqual({
              name,
              role: managers.has(name) ? 'manager' : 'rep',
              team: teamOf.get(name),
            });
            expect(u.email).toBe(`${name.toLowerCase().replace(/[^a-z]+/g, '.')}@maven.test`);
          }

          const byName = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.name) < String(b.name) ? -1 : 1);
          const customers = await q('select name, external_id, industry, region from customers where org_id = $1');
          expect(customers.sort(byName)).toEqual(
            accounts
              .map((a) => ({
                name: a.account,
                external_id: a.account,
                industry: a.sector === 'technolgy' ? 'technology' : a.sector,
                region: a.office_location,
              }))
              .sort(byName),
          );

          const stored = await q(
            `select d.external_id, d.name, u.name as owner, t.name as team, c.name as customer, p.process_type, s.key as stage,
                  d.amount::text as amount, d.currency, d.expected_close_date::text as close
           from deals d join users u on u.id = d.owner_id left join teams t on t.id = d.team_id
             left join customers c on c.id = d.customer_id join pipelines p on p.id = d.pipeline_id join stages s on s.id = d.stage_id
           where d.org_id = $1`,
          );
          expect(stored).toHaveLength(deals.length);
          const byId = new Map(stored.map((d) => [String(d.external_id), d]));
          for (const d of deals)
            expect(byId.get(d.opportunity_id), d.opportunity_id).toEqual({
              external_id: d.opportunity_id,
              name: d.product,
              owner: d.sales_agent,
              team: teamOf.get(d.sales_agent),
              customer: d.account || null,
              process_type: 'short',
              stage: stageKey[d.deal_stage],
              amount: d.close_value ? moneyText(units(d.close_value, 2)) : null,
              currency: 'USD',
              close: d.close_date || null,
            });

          // The copy of the file for the web wizard: the open stages' keys written into it, nothing else changed.
          const copy = csv(path.join(work, 'sales_pipeline-stages.csv'));
          expect(copy).toEqual(
            deals.map((d) => ({ ...d, deal_stage: d.deal_stage in { Won: 1, Lost: 1 } ? d.deal_stage : stageKey[d.deal_stage] })),
          );

          // The guide's table of what you get.
          const count = (stage: string) => deals.filter((d) => d.deal_stage === stage).length;
          expect([count('Won'), count('Lost'), count('Prospecting'), count('Engaging')]).toEqual([4238, 2473, 500, 1589]);
          expect(deals.filter((d) => !d.account)).toHaveLength(1425);
          const [won] = await q(
            `select sum(d.amount)::text as amount from deals d join stages s on s.id = d.stage_id where d.org_id = $1 and s.kind = 'won'`,
          );
          expect(won.amount).toBe('10005534.00');
        } finally {
          await db.close();
        }
        console.log(`maven guide (${testEngine}): ${run.seconds.toFixed(1)} s`, resultLines(run));
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
        await database.drop();
      }
    },
    320_000,
  );
});
