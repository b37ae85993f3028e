/**
 * `npm run bench -- --engine pglite|postgres --scale S|M|L [--only a,b] [--seed n] [--regenerate] [--generate-only]`
 *
 * 1. Generates the data once per engine and scale (or reuses it), 2. starts the real server on it and measures each
 * scenario over loopback HTTP, 3. stops the server and times the SQL each endpoint issues directly on the same
 * database (PGlite is never opened by two processes at once), 4. writes bench/results/<engine>-<scale>.json and
 * prints a table with the budgets of issue 10.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { revokeApiToken } from '../../apps/server/src/modules/auth/apiTokens.usecases.ts';
import { actorFromApiToken } from '../../apps/server/src/modules/auth/auth.usecases.ts';
import type { Actor } from '../../apps/server/src/platform/access.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import type { Ctx } from '../../apps/server/src/platform/requestContext.ts';
import { capturingDb, describe, replay, type Statement } from './capture.ts';
import { benchDatabase, benchDir, type RawHandle } from './database.ts';
import { loadFixtures, loadHttpFixtures, rawRows } from './fixtures.ts';
import { createToken, type HttpResult, load, sequential, type Token, warm } from './http.ts';
import { type ImportBenchResult, runImportBench } from './importBench.ts';
import { AS_OF, BENCH_PASSWORD, DEFAULT_SEED, type EngineName, SCALES, type ScaleName } from './scales.ts';
import { type ActorName, type Fixtures, SCENARIOS, type Scenario, type Variant } from './scenarios.ts';
import { processCpuMs, type RunningServer, startServer } from './server.ts';
import { median, type Summary, summarise } from './stats.ts';
import { ensureWebBuilt } from './webBudget.build.ts';
import { measureWeb, type WebResult, webBudgets } from './webBudget.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    scale: { type: 'string', default: 'S' },
    only: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    regenerate: { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    print: { type: 'boolean', default: false },
    requests: { type: 'string' },
    duration: { type: 'string' },
  },
});

const engine = args.engine as EngineName;
/** The Online Retail import: its own server on a fresh empty database, whatever the scale. */
const IMPORT_SCENARIO = 'online-retail-import';
/** The web budgets (issue 10 item 5): the built web app in chromium against the same server. */
const WEB_SCENARIO = 'web';
const scaleName = args.scale?.toUpperCase() as ScaleName;
if (!['pglite', 'postgres'].includes(engine)) throw new Error(`--engine must be pglite or postgres, not ${args.engine}`);
if (!(scaleName in SCALES)) throw new Error(`--scale must be S, M or L, not ${args.scale}`);
const scale = SCALES[scaleName];
if (!scale.engines.includes(engine)) throw new Error(`scale ${scaleName} runs on ${scale.engines.join(' and ')} only`);
// Scale L's generator keeps per-row arrays for 1M customers, 5M deals and 10M activities: Node's default heap (4 GB
// here) ran out during the activities. The run starts itself again with a larger one (the server it measures keeps
// the default: it is another process).
const L_HEAP_MB = 14_336;
if (scaleName === 'L' && v8.getHeapStatistics().heap_size_limit < L_HEAP_MB * 2 ** 20) {
  const again = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${L_HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}
const seed = Number(args.seed);
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;
if (only)
  for (const name of only)
    if (name !== IMPORT_SCENARIO && name !== WEB_SCENARIO && !SCENARIOS.some((s) => s.name === name))
      throw new Error(`no scenario ${name}; there are ${[...SCENARIOS.map((s) => s.name), IMPORT_SCENARIO, WEB_SCENARIO].join(', ')}`);

/** Requests per latency scenario (after WARMUP), and seconds per throughput scenario. */
const REQUESTS = Number(args.requests ?? 500);
const WARMUP = Math.max(20, Math.round(REQUESTS / 5));
const DURATION_SEC = Number(args.duration ?? 10);
const ONESHOT_RUNS = 3;
/** A scenario's timed requests and warm-up: the run's, or fewer for scenarios whose requests take seconds. */
const requestsOf = (s: Scenario) => Math.min(REQUESTS, s.requests ?? REQUESTS);
const warmupOf = (s: Scenario) => (s.requests ? Math.max(2, Math.round(requestsOf(s) / 5)) : WARMUP);

const log = (line: string) => console.log(line);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

type RawResult = Summary & {
  cpuMsPerRequest: number;
  p50ByVariant: number[];
  statements: { variant: string; sql: string[]; p50: number[] }[];
};
type OneshotRun = { variant: string; ms: number; cpuMs?: number; changed?: number; customers?: number };
type ScenarioResult = {
  name: string;
  what: string;
  actor: ActorName;
  kind: Scenario['kind'];
  status: 'ok' | 'not available' | 'failed';
  /** The request variants, in the order they were cycled. */
  variants?: string[];
  error?: string;
  http?: HttpResult;
  runs?: OneshotRun[];
  raw?: RawResult;
  rawRuns?: OneshotRun[];
  /** API p50 ÷ raw p50, and API p50 − raw p50 in ms. */
  ratio?: number;
  overheadMs?: number;
};

/**
 * API against raw for one scenario. With several request variants the p50 over the mix can fall between a fast and a
 * slow variant, so the comparison is made variant by variant (each one's median) and the median of those is kept.
 */
function compare(result: ScenarioResult) {
  if (!result.http || !result.raw) return;
  const api = result.http.p50ByVariant;
  const raw = result.raw.p50ByVariant;
  if (api && raw && api.length === raw.length && api.length > 1) {
    result.ratio = round(median(api.map((a, k) => a / raw[k])));
    result.overheadMs = round(median(api.map((a, k) => a - raw[k])));
  } else {
    result.ratio = round(result.http.p50 / result.raw.p50);
    result.overheadMs = round(result.http.p50 - result.raw.p50);
  }
}

/** `--print`: the table and budgets again from the saved results (after a change to how they are judged). */
function reprint() {
  const file = path.join(benchDir, 'results', `${engine}-${scaleName}${only ? '.partial' : ''}.json`);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const r of saved.scenarios as ScenarioResult[]) compare(r);
  const budgets = [...checkBudgets(saved), ...webBudgets(saved.web)];
  fs.writeFileSync(file, `${JSON.stringify({ ...saved, budgets }, null, 2)}\n`);
  printTable(saved, budgets);
}

/** Issue 6's import budget: 15 s on PostgreSQL, 30 s on PGlite; the server's RSS growing by less than 300 MB. */
function importBudgets(r: ImportBenchResult | undefined, pglite: boolean): Budget[] {
  if (!r) return [];
  const out: Budget[] = [];
  const add = (budget: string, limit: number, measured: number, unit: string) =>
    out.push({ budget, limit: `≤ ${ms(limit)} ${unit}`, measured: `${ms(measured)} ${unit}`, met: measured <= limit });
  add(`Online Retail import (${r.lines} lines, upload to done)`, pglite ? 30_000 : 15_000, r.totalMs, 'ms');
  add('Online Retail import: server RSS growth', 300, r.rssGrowthMb, 'MB');
  return out;
}

function printImport(r: ImportBenchResult | undefined) {
  if (!r) return;
  log(
    `
Online Retail import: ${r.lines} lines (${(r.bytes / 2 ** 20).toFixed(1)} MB) in ${ms(r.totalMs)} ms (upload ${ms(r.uploadMs)} ms), ${r.rowsPerSec} rows/s; raw COPY of the file into a bare table ${ms(r.rawCopyMs)} ms (${(r.totalMs / r.rawCopyMs).toFixed(1)}×); orders ${r.inserted}, Σ amount ${r.amountSum}; server RSS ${r.rssBeforeMb} → peak ${r.peakRssMb} MB`,
  );
}

async function importOnly() {
  const result = await runImportBench(engine, log);
  const budgets = importBudgets(result, engine === 'pglite');
  const out = path.join(benchDir, 'results', `${engine}-import.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ engine, finishedAt: new Date().toISOString(), import: result, budgets }, null, 2)}\n`);
  printImport(result);
  for (const b of budgets) log(`  ${b.met ? 'met   ' : 'MISSED'}  ${b.budget}: ${b.measured} (budget ${b.limit})`);
  log(`\nresults: ${path.relative(process.cwd(), out)}`);
}

async function main() {
  if (args.print) return reprint();
  if (only?.size === 1 && only.has(IMPORT_SCENARIO)) return importOnly();
  const started = new Date();
  const bdb = benchDatabase(engine, scaleName);
  log(`Tierline bench: engine ${engine}, scale ${scaleName}, seed ${seed}, data at ${bdb.location}`);
  if (args.regenerate) await forget(bdb.engine, scaleName);
  const { stats: load0, generatedNow } = await bdb.ensure(seed, log);
  log(
    generatedNow
      ? `generated in ${(load0.totalMs / 1000).toFixed(1)} s: ${load0.copyRows} rows at ${load0.wallRowsPerSec} rows/s (generating and COPY together)`
      : `reusing data generated ${load0.generatedAt} (content ${load0.contentSha256.slice(0, 12)})`,
  );
  if (args['generate-only']) return;

  // Fixtures first, with the runner's own connection, closed before the server starts.
  let raw = await bdb.open();
  const fixtures = await loadFixtures(raw);
  const databaseVersion = (await rawRows<{ v: string }>(raw, 'select version() as v'))[0].v;
  await raw.close();

  // ── HTTP side ───────────────────────────────────────────────────────────────────────────────────────────────
  const loadavgStart = os.loadavg();
  const webDist = !only || only.has(WEB_SCENARIO) ? ensureWebBuilt(log) : undefined;
  const server = await startServer({ ...bdb.serverEnv, ...(webDist && { WEB_DIST: webDist }) });
  log(`server ready in ${ms(server.startMs)} ms (pid ${server.pid})`);
  const httpCpu = await cpuMeter(server.pid, bdb.serverEnv.DATABASE_URL);
  const results: ScenarioResult[] = [];
  const tokens = {} as Record<ActorName, Token>;
  let memory: { rssMb: number; peakRssMb: number; rssAfterLoadMb: number };
  let paths: Set<string>;
  let shutdown: { shutdownMs: number; exitCode: number | null } = { shutdownMs: 0, exitCode: null };
  let web: WebResult | undefined;
  try {
    const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    paths = new Set(Object.keys(spec.paths));
    for (const actor of ['rep', 'manager', 'director'] as const) {
      tokens[actor] = await createToken(server.url, fixtures.users[actor].email, BENCH_PASSWORD);
    }
    await loadHttpFixtures(server.url, (actor) => tokens[actor].token, paths, fixtures);

    // One warm-up round over every latency scenario first, so the first one measured does not pay for a cold server.
    for (const scenario of SCENARIOS) {
      if ((only && !only.has(scenario.name)) || scenario.kind !== 'latency') continue;
      await warm(
        server.url,
        tokens[scenario.actor].token,
        scenario.variants(fixtures).map((v) => v.request),
        warmupOf(scenario),
      ).catch(() => {});
    }
    for (const scenario of SCENARIOS) {
      if (only && !only.has(scenario.name)) continue;
      const base: ScenarioResult = { name: scenario.name, what: scenario.what, actor: scenario.actor, kind: scenario.kind, status: 'ok' };
      if (scenario.requires && !paths.has(scenario.requires)) {
        results.push({ ...base, status: 'not available', error: `${scenario.requires} is not served yet` });
        log(`- ${scenario.name}: not available (${scenario.requires} is not served yet)`);
        continue;
      }
      try {
        results.push({ ...base, ...(await runHttp(server, scenario, fixtures, tokens[scenario.actor].token, httpCpu)) });
        const r = results[results.length - 1];
        log(
          `- ${scenario.name}: ${r.http ? `p50 ${ms(r.http.p50)} ms, p95 ${ms(r.http.p95)} ms, ${r.http.reqPerSec} req/s` : r.runs?.map((x) => `${x.variant} ${ms(x.ms)} ms${x.changed === undefined ? '' : ` (${x.changed} moved)`}`).join('; ')}`,
        );
      } catch (err) {
        results.push({ ...base, status: 'failed', error: String(err) });
        log(`- ${scenario.name}: FAILED ${String(err).slice(0, 300)}`);
      }
    }
    memory = { ...server.memory(), rssAfterLoadMb: server.memory().rssMb };
    if (webDist)
      web = await measureWeb(server.url, fixtures.users.director.email, BENCH_PASSWORD, log).catch((err) => {
        log(`- ${WEB_SCENARIO}: FAILED ${String(err).slice(0, 300)}`);
        return undefined;
      });
  } finally {
    await httpCpu.close();
    shutdown = await server.stop();
  }
  const loadavgEnd = os.loadavg();

  // ── Raw SQL side: the server is stopped, the runner opens the database itself ────────────────────────────────
  raw = await bdb.open();
  try {
    const cdb = capturingDb(raw);
    const rawBackend =
      raw.engine === 'postgres' ? (await rawRows<{ pid: number }>(raw, 'select pg_backend_pid() as pid'))[0].pid : undefined;
    const rawCpu = async () => {
      const own = process.cpuUsage();
      return (own.user + own.system) / 1000 + (rawBackend ? processCpuMs(rawBackend) : 0);
    };
    const actors = {} as Record<ActorName, Actor>;
    for (const name of ['rep', 'manager', 'director'] as const) {
      const actor = await actorFromApiToken({ db: cdb.db, clock: systemClock }, tokens[name].token);
      if (!actor) throw new Error(`the ${name}'s API token is not valid any more`);
      actors[name] = actor;
    }
    const ctxFor = (db: Ctx['db'], actor: Actor): Ctx => ({ db, actor, requestId: 'bench-raw', clock: systemClock });
    /** The statements of one request: the token lookup, then what the route's use case runs. */
    const captureVariant = async (token: string, v: Variant, rollback = false) => {
      const once = () =>
        cdb.capture(
          async (db) => {
            const actor = await actorFromApiToken({ db, clock: systemClock }, token);
            return v.run(ctxFor(db, actor as Actor));
          },
          { rollback },
        );
      await once(); // the first may also refresh the token's last-used time, which a steady stream of requests does not
      return (await once()).statements;
    };
    const prepared: { result: ScenarioResult; scenario: Scenario; captured: { variant: Variant; statements: Statement[] }[] }[] = [];
    const oneshots: { result: ScenarioResult; scenario: Scenario }[] = [];
    for (const result of results) {
      if (result.status !== 'ok') continue;
      const scenario = SCENARIOS.find((s) => s.name === result.name) as Scenario;
      if (scenario.kind === 'oneshot') {
        oneshots.push({ result, scenario });
        continue;
      }
      try {
        const captured: { variant: Variant; statements: Statement[] }[] = [];
        for (const v of scenario.variants(fixtures))
          captured.push({ variant: v, statements: await captureVariant(tokens[scenario.actor].token, v) });
        prepared.push({ result, scenario, captured });
      } catch (err) {
        result.error = `raw side failed: ${String(err)}`;
        log(`- ${result.name}: raw side FAILED ${String(err).slice(0, 300)}`);
      }
    }
    // As on the HTTP side: one warm-up round over everything before anything is timed (the runner's engine starts cold).
    for (const p of prepared)
      for (let i = 0; i < warmupOf(p.scenario); i++) await replay(raw, p.captured[i % p.captured.length].statements);
    for (const { result, scenario, captured } of prepared) {
      result.raw = await timeRaw(raw, captured, rawCpu, requestsOf(scenario), warmupOf(scenario));
      compare(result);
    }
    for (const { result, scenario } of oneshots) {
      try {
        const rawRuns: OneshotRun[] = [];
        const all = scenario.variants(fixtures);
        // A recompute is captured and replayed inside a transaction that is rolled back, so each replay starts from the
        // state the HTTP runs left (tiers as of AS_OF): "a month earlier" moves customers, "AS_OF again" moves none.
        const write = scenario.name === 'tier-recompute';
        const variants = write ? [all[0], all[2]] : all;
        for (const v of variants) {
          const statements = await captureVariant(tokens[scenario.actor].token, v, write);
          await replay(raw, statements, write ? 'rollback' : 'commit'); // warm-up
          for (let i = 0; i < ONESHOT_RUNS; i++) {
            const cpuBefore = await rawCpu();
            const times = await replay(raw, statements, write ? 'rollback' : 'commit');
            const cpu = (await rawCpu()) - cpuBefore;
            rawRuns.push({ variant: v.label, ms: round(times.reduce((a, b) => a + b, 0)), cpuMs: round(cpu) });
          }
        }
        result.rawRuns = rawRuns;
      } catch (err) {
        result.error = `raw side failed: ${String(err)}`;
        log(`- ${result.name}: raw side FAILED ${String(err).slice(0, 300)}`);
      }
    }
    // The tokens were for this run only.
    for (const name of ['rep', 'manager', 'director'] as const) {
      await revokeApiToken(ctxForRevoke(raw, actors[name]), tokens[name].id);
    }
  } finally {
    await raw.close();
  }

  let importResult: ImportBenchResult | undefined;
  if (!only || only.has(IMPORT_SCENARIO)) {
    try {
      importResult = await runImportBench(engine, log);
    } catch (err) {
      log(`- ${IMPORT_SCENARIO}: FAILED ${String(err).slice(0, 300)}`);
    }
  }

  const report = {
    engine,
    scale: scaleName,
    seed,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      database: databaseVersion,
      loadavgAtStart: loadavgStart.map((x) => Math.round(x * 100) / 100),
      loadavgAtEnd: loadavgEnd.map((x) => Math.round(x * 100) / 100),
    },
    settings: { requests: REQUESTS, warmup: WARMUP, durationSec: DURATION_SEC, oneshotRuns: ONESHOT_RUNS, asOf: AS_OF.toISOString() },
    load: { ...load0, generatedNow },
    server: { startMs: round(server.startMs), ...memory, ...shutdown },
    scenarios: results,
    import: importResult,
    web,
  };
  const budgets = [...checkBudgets(report), ...importBudgets(importResult, engine === 'pglite'), ...webBudgets(web)];
  // A partial run (--only) does not replace the full results.
  const out = path.join(benchDir, 'results', `${engine}-${scaleName}${only ? '.partial' : ''}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ ...report, budgets }, null, 2)}\n`);
  printTable(report, budgets);
  printImport(importResult);
  log(`\nresults: ${path.relative(process.cwd(), out)}`);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * CPU used so far by the server process and, on PostgreSQL, by every backend connected to the benchmark database
 * (read from /proc: the database runs on this machine). Backends that come and go between two readings are counted
 * from when they are first seen.
 */
async function cpuMeter(serverPid: number, databaseUrl: string | undefined) {
  const pg = (await import('pg')).default;
  const client = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
  await client?.connect();
  const seen = new Map<number, number>();
  let backends = 0;
  const read = async () => {
    if (client) {
      const { rows } = await client.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      for (const { pid } of rows) {
        const now = processCpuMs(pid);
        backends += now - (seen.get(pid) ?? 0);
        seen.set(pid, now);
      }
    }
    return processCpuMs(serverPid) + backends;
  };
  return Object.assign(read, { close: async () => client?.end() });
}

function ctxForRevoke(raw: RawHandle, actor: Actor): Ctx {
  return { db: raw.database.db, actor, requestId: 'bench-cleanup', clock: systemClock };
}

async function forget(e: EngineName, s: ScaleName) {
  if (e === 'pglite') fs.rmSync(path.join(benchDir, '.data', s), { recursive: true, force: true });
  else {
    const pg = (await import('pg')).default;
    const { postgresServerUrl } = await import('./database.ts');
    const c = new pg.Client({ connectionString: postgresServerUrl() });
    await c.connect();
    await c.query(`drop database if exists tierline_bench_${s.toLowerCase()} with (force)`);
    await c.end();
  }
}

async function runHttp(
  server: RunningServer,
  scenario: Scenario,
  fx: Fixtures,
  token: string,
  cpuMs: () => Promise<number>,
): Promise<Partial<ScenarioResult>> {
  const variants = scenario.variants(fx);
  const requests = variants.map((v) => v.request);
  if (scenario.kind === 'latency') {
    return {
      variants: variants.map((v) => v.label),
      http: await load(server.url, token, requests, { connections: 1, warmup: warmupOf(scenario), amount: requestsOf(scenario), cpuMs }),
    };
  }
  if (scenario.kind === 'throughput') {
    const connections = scenario.connections ?? 10;
    return { http: await load(server.url, token, requests, { connections, warmup: connections * 50, durationSec: DURATION_SEC, cpuMs }) };
  }
  if (scenario.name === 'tier-recompute') {
    // Earlier, back, earlier, back: every run moves customers; the last one, at AS_OF again, moves none.
    const order = [0, 1, 0, 1, 2];
    const { times, bodies, cpu } = await sequential(
      server.url,
      token,
      order.map((k) => requests[k]),
      cpuMs,
    );
    return {
      runs: order.map((k, i) => {
        const body = bodies[i] as { changed: number; customers: number };
        return { variant: variants[k].label, ms: round(times[i]), cpuMs: round(cpu[i]), changed: body.changed, customers: body.customers };
      }),
    };
  }
  // Other one-shot calls: one warm-up of each variant, then ONESHOT_RUNS of each.
  await sequential(server.url, token, requests);
  const runs: OneshotRun[] = [];
  for (let i = 0; i < ONESHOT_RUNS; i++) {
    const { times, cpu } = await sequential(server.url, token, requests, cpuMs);
    times.forEach((t, k) => {
      runs.push({ variant: variants[k].label, ms: round(t), cpuMs: round(cpu[k]) });
    });
  }
  return { runs };
}

/** Replays each variant's statements in turn, as the HTTP run cycled through them: warm-up, then REQUESTS timed. */
async function timeRaw(
  raw: RawHandle,
  captured: { variant: Variant; statements: Statement[] }[],
  cpuMs: () => Promise<number>,
  requests: number,
  warmup: number,
): Promise<RawResult> {
  for (let i = 0; i < warmup; i++) await replay(raw, captured[i % captured.length].statements);
  const totals: number[] = [];
  const cpuBefore = await cpuMs();
  const perStatement = captured.map((c) => c.statements.map(() => [] as number[]));
  for (let i = 0; i < requests; i++) {
    const k = i % captured.length;
    const times = await replay(raw, captured[k].statements);
    totals.push(times.reduce((a, b) => a + b, 0));
    times.forEach((t, j) => {
      perStatement[k][j].push(t);
    });
  }
  const cpuAfter = await cpuMs();
  return {
    ...summarise(totals),
    cpuMsPerRequest: round((cpuAfter - cpuBefore) / requests),
    // The statements of the first few variants, with each one's median: where the time goes.
    p50ByVariant: perStatement.map((_, k) => {
      const sums = perStatement[k][0]?.map((_, i) => perStatement[k].reduce((a, t) => a + t[i], 0)) ?? [];
      return round(median(sums));
    }),
    statements: captured.slice(0, 5).map((c, k) => ({
      variant: c.variant.label,
      sql: c.statements.map(describe),
      p50: perStatement[k].map((t) => round(median(t))),
    })),
  };
}

type Report = {
  engine: EngineName;
  scale: ScaleName;
  server: { startMs: number; peakRssMb: number; rssMb: number };
  scenarios: ScenarioResult[];
};
type Budget = { budget: string; limit: string; measured: string; met: boolean | null };

/**
 * Issue 10's budgets: on PostgreSQL at scale M as written; PGlite within 3× (and peak RSS ≤ 1 GB); scale L on
 * PostgreSQL for list and search (50 ms) and recompute (60 s). At scale S they are shown for reference only.
 */
function checkBudgets(report: Report): Budget[] {
  const pglite = report.engine === 'pglite';
  const factor = pglite ? 3 : 1;
  const large = report.scale === 'L';
  const out: Budget[] = [];
  const add = (budget: string, limit: number, measured: number, unit: string, atMost: boolean) => {
    out.push({
      budget,
      limit: `${atMost ? '≤' : '≥'} ${ms(limit)} ${unit}`,
      measured: `${ms(measured)} ${unit}`,
      met: Number.isFinite(measured) ? (atMost ? measured <= limit : measured >= limit) : null,
    });
  };
  for (const r of report.scenarios) {
    const s = SCENARIOS.find((x) => x.name === r.name);
    if (!s?.budget || r.status !== 'ok') continue;
    if (s.budget.p95Ms && r.http) {
      const limit = large && s.budget.p95Ms === 20 ? 50 : s.budget.p95Ms * factor;
      add(`${r.name} p95`, limit, r.http.p95, 'ms', true);
    }
    if (s.budget.reqPerSec && r.http) add(`${r.name} throughput`, s.budget.reqPerSec / factor, r.http.reqPerSec, 'req/s', false);
    if (s.budget.totalMs && r.runs) {
      const moving = r.runs.filter((x) => (x.changed ?? 0) > 0).map((x) => x.ms);
      add(
        `${r.name} (median of runs that move customers)`,
        large ? 60_000 : s.budget.totalMs * factor,
        moving.length ? median(moving) : Number.NaN,
        'ms',
        true,
      );
    }
  }
  for (const r of report.scenarios) {
    const checked = SCENARIOS.find((x) => x.name === r.name)?.budget?.apiOverhead !== false;
    if (r.kind === 'latency' && r.overheadMs !== undefined && checked)
      add(`${r.name} API p50 − raw p50`, 1 * factor, r.overheadMs, 'ms', true);
  }
  add('start to /readyz', pglite ? 5000 : 2000, report.server.startMs, 'ms', true);
  add(pglite ? 'server peak RSS' : 'server peak RSS under load', pglite ? 1024 : 250, report.server.peakRssMb, 'MB', true);
  return out;
}

function printTable(report: Report & { load: { copyRowsPerSec: number; totalMs: number; generatedNow: boolean } }, budgets: Budget[]) {
  const rows: string[][] = [
    ['scenario', 'API p50', 'API p95', 'API max', 'req/s', 'raw p50', 'ratio', 'API−raw', 'API cpu/req', 'raw cpu/req'],
  ];
  for (const r of report.scenarios) {
    if (r.status !== 'ok') {
      rows.push([r.name, r.status, '', '', '', '', '', '', '', '']);
      continue;
    }
    if (r.http) {
      rows.push([
        r.name,
        ms(r.http.p50),
        ms(r.http.p95),
        ms(r.http.max),
        String(r.http.reqPerSec),
        r.raw ? ms(r.raw.p50) : '',
        r.ratio === undefined ? '' : `${r.ratio.toFixed(1)}×`,
        r.overheadMs === undefined ? '' : `${ms(r.overheadMs)}`,
        r.http.cpuMsPerRequest === undefined ? '' : ms(r.http.cpuMsPerRequest),
        r.raw ? ms(r.raw.cpuMsPerRequest) : '',
      ]);
      const httpBy = r.http.p50ByVariant;
      const rawBy = r.raw?.p50ByVariant;
      const labels = httpBy && httpBy.length <= 6 ? (r.variants ?? []) : [];
      labels.forEach((label, k) => {
        rows.push([`  · ${label}`, ms(httpBy?.[k] ?? Number.NaN), '', '', '', rawBy ? ms(rawBy[k]) : '', '', '', '', '']);
      });
    } else if (r.runs) {
      const byVariant = new Map<string, { http: number[]; raw: number[]; changed: number[]; httpCpu: number[]; rawCpu: number[] }>();
      for (const x of r.runs) {
        const e = byVariant.get(x.variant) ?? { http: [], raw: [], changed: [], httpCpu: [], rawCpu: [] };
        e.http.push(x.ms);
        if (x.cpuMs !== undefined) e.httpCpu.push(x.cpuMs);
        if (x.changed !== undefined) e.changed.push(x.changed);
        byVariant.set(x.variant, e);
      }
      for (const x of r.rawRuns ?? []) {
        byVariant.get(x.variant)?.raw.push(x.ms);
        if (x.cpuMs !== undefined) byVariant.get(x.variant)?.rawCpu.push(x.cpuMs);
      }
      for (const [variant, e] of byVariant) {
        const h = summarise(e.http);
        const rawP50 = e.raw.length ? median(e.raw) : Number.NaN;
        rows.push([
          `${r.name} (${variant}${e.changed.length ? `, moved ${[...new Set(e.changed)].join('/')}` : ''})`,
          ms(h.p50),
          '',
          ms(h.max),
          '',
          Number.isFinite(rawP50) ? ms(rawP50) : '',
          Number.isFinite(rawP50) ? `${(h.p50 / rawP50).toFixed(1)}×` : '',
          Number.isFinite(rawP50) ? ms(h.p50 - rawP50) : '',
          e.httpCpu.length ? ms(median(e.httpCpu)) : '',
          e.rawCpu.length ? ms(median(e.rawCpu)) : '',
        ]);
      }
    }
  }
  // A CJK character takes two columns on a terminal.
  const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (text: string, n: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, n - width(text)));
    return left ? fill + text : text + fill;
  };
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i], i !== 0)).join('  ');
  log(`\n${report.engine} · scale ${report.scale} · times in ms (one connection unless req/s is the point)`);
  log(line(rows[0]));
  for (const r of rows.slice(1)) log(line(r));
  log(`server: ready in ${ms(report.server.startMs)} ms, peak RSS ${report.server.peakRssMb} MB`);
  log(
    `\nbudgets (issues 5–7 and 10${report.scale === 'S' ? '; set for scale M, shown for reference' : ''}${report.engine === 'pglite' ? '; PGlite: 3× the PostgreSQL figure' : ''}):`,
  );
  for (const b of budgets) log(`  ${b.met === null ? '–' : b.met ? 'met   ' : 'MISSED'}  ${b.budget}: ${b.measured} (budget ${b.limit})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
