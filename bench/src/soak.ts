/**
 * `npm run soak -- --engine postgres --scale S --users 200 --minutes 10`
 *
 * Issue 11's soak: simulated users of a sales organisation (reps, managers and directors, 80/15/5 by default), each a
 * signed-in browser session working through its role's pages with think time, against the real server on a fresh copy
 * of the benchmark's data. Fails (exit 1) on any unexpected answer, a server that dies or does not stop cleanly, the
 * server's RSS growing 10 % or more after warm-up, or (unless `--p95 report`) a p95 over its budget.
 * Writes bench/results/soak-<engine>-<scale>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabase, benchDir } from './database.ts';
import { BENCH_PERIOD } from './generate.performance.ts';
import { BENCH_EMAIL_DOMAIN } from './generate.ts';
import { Rng } from './prng.ts';
import { BENCH_PASSWORD, DEFAULT_SEED, type EngineName, SCALES, type ScaleName } from './scales.ts';
import { processCpuMs, startServer } from './server.ts';
import { Recorder, Session } from './soak.client.ts';
import { soakCopy } from './soak.database.ts';
import { type Pipeline, type Role, type World, work } from './soak.journeys.ts';
import { kindResults, minuteResults, printKinds, printMinutes, type RssSample, rssGrowth } from './soak.report.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    scale: { type: 'string', default: 'S' },
    users: { type: 'string', default: '200' },
    minutes: { type: 'string', default: '10' },
    /** Percent of reps, managers and directors among the users. */
    mix: { type: 'string', default: '80,15,5' },
    /** Think time between page views, ms. */
    think: { type: 'string', default: '1000-3000' },
    /** enforce: a p95 over budget fails the run; report: it is only shown (a short run on a shared machine is noise). */
    p95: { type: 'string', default: 'enforce' },
    /** enforce: RSS growth of 10 % or more fails the run; report: it is only shown (a one-minute run is still warming up). */
    rss: { type: 'string', default: 'enforce' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});

const engine = args.engine as EngineName;
const scale = args.scale?.toUpperCase() as ScaleName;
if (!['pglite', 'postgres'].includes(engine)) throw new Error(`--engine must be pglite or postgres, not ${args.engine}`);
if (!(scale in SCALES)) throw new Error(`--scale must be S, M or L, not ${args.scale}`);
if (!SCALES[scale].engines.includes(engine)) throw new Error(`scale ${scale} runs on ${SCALES[scale].engines.join(' and ')} only`);
for (const gate of ['p95', 'rss'] as const)
  if (!['enforce', 'report'].includes(args[gate] as string)) throw new Error(`--${gate} must be enforce or report, not ${args[gate]}`);
const users = Number(args.users);
const durationSec = Number(args.minutes) * 60;
const mix = (args.mix as string).split(',').map(Number);
const thinkMs = (args.think as string).split('-').map(Number) as [number, number];
if (!(users >= 1) || !(durationSec > 0) || mix.length !== 3 || thinkMs.length !== 2 || thinkMs.some((t) => !(t >= 0)))
  throw new Error('--users, --minutes, --mix r,m,d and --think min-max must be positive numbers');
const seed = Number(args.seed);

const log = (line: string) => console.log(line);

/** The generated quarter (scorecards, analytics windows) and the one after it (open deals' forecast), as the benchmark uses. */
const QUARTER = { from: '2026-07-01', to: '2026-10-01' };
const NEXT_QUARTER = { from: '2026-10-01', to: '2027-01-01' };

/** How many sessions of each role: the mix of `users`, at least one rep, the rounding remainder going to the reps. */
function sessionsPerRole(): Record<Role, number> {
  const total = mix.reduce((a, b) => a + b, 0);
  const managers = Math.round((users * mix[1]) / total);
  const directors = Math.round((users * mix[2]) / total);
  return { rep: Math.max(1, users - managers - directors), manager: managers, director: directors };
}

type Person = { email: string; role: Role };

async function people(s: Session): Promise<Record<Role, Person[]>> {
  const out: Record<Role, Person[]> = { rep: [], manager: [], director: [] };
  for (const role of ['rep', 'manager', 'director'] as const) {
    let cursor: string | null = null;
    do {
      const q: string = `role=${role}&active=true&sort=email&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await s.get<{ data: { email: string }[]; nextCursor: string | null }>(`/api/v1/users?${q}`, 'setup', 'other');
      if (!page.body) throw new Error(`listing the ${role}s answered ${page.status}`);
      out[role].push(...page.body.data.map((u) => ({ email: u.email, role })));
      cursor = page.body.nextCursor;
    } while (cursor);
    if (!out[role].length) throw new Error(`the generated organisation has no ${role}: regenerate the data`);
  }
  return out;
}

async function main() {
  const startedAt = new Date();
  log(`Tierline soak: engine ${engine}, scale ${scale}, ${users} users for ${durationSec / 60} min, think ${thinkMs.join('–')} ms`);
  const bdb = benchDatabase(engine, scale);
  const { generatedNow, stats } = await bdb.ensure(seed, log);
  log(generatedNow ? `generated in ${(stats.totalMs / 1000).toFixed(1)} s` : `reusing data generated ${stats.generatedAt}`);
  const copy = await soakCopy(engine, scale);
  log(`fresh copy of the data at ${copy.location} in ${(copy.copyMs / 1000).toFixed(1)} s`);

  // Behind a proxy, as an instance serving 200 people is: the per-IP login limit then counts each user's own address.
  const server = await startServer({ ...copy.serverEnv, TRUST_PROXY: 'true' });
  log(`server ready in ${Math.round(server.startMs)} ms (pid ${server.pid})`);
  const loadavgStart = os.loadavg();
  const recorder = new Recorder();
  const clientErrors: string[] = [];
  const rss: RssSample[] = [];
  let serverDied = false;
  let shutdown: { shutdownMs: number; exitCode: number | null };
  const counts = sessionsPerRole();
  let t0 = 0;
  let cpuAtStart = 0;
  let cpuAtEnd = 0;
  try {
    // The first director shows who works here (the users list) and the pipelines, as the app shows them.
    const setup = new Session(server.url, recorder, '10.255.0.1');
    if (!(await setup.signIn(`director1@${BENCH_EMAIL_DOMAIN}`, BENCH_PASSWORD)))
      throw new Error('could not sign in as director1 of the generated organisation');
    const staff = await people(setup);
    const pipelines = (await setup.get<{ data: Pipeline[] }>('/api/v1/pipelines', 'setup', 'other')).body?.data;
    if (!pipelines?.length) throw new Error('GET /pipelines gave no pipelines');
    await setup.signOut();
    // The setup session's requests are not part of the soak.
    recorder.minutes.length = 0;
    recorder.kinds.clear();

    t0 = performance.now();
    cpuAtStart = processCpuMs(server.pid);
    recorder.startedAt = t0;
    const world: World = {
      pipelines,
      period: BENCH_PERIOD,
      quarter: QUARTER,
      nextQuarter: NEXT_QUARTER,
      thinkMs,
      until: t0 + durationSec * 1000,
    };
    recorder.steadyFrom = t0 + durationSec * 200; // the first 20 %
    // Sign-ins spread over the first tenth of the run (at most 30 s), as people arrive, not all in one instant.
    const rampMs = Math.min(30_000, durationSec * 100);
    const plan: { person: Person; index: number }[] = [];
    for (const role of ['rep', 'manager', 'director'] as const)
      for (let i = 0; i < counts[role]; i++) plan.push({ person: staff[role][i % staff[role].length], index: plan.length });
    // Interleave roles in the ramp so managers and directors are not all last to arrive.
    const order = new Rng(seed).sample(plan, plan.length);

    const sampler = setInterval(() => {
      try {
        rss.push({ atSec: Math.round((performance.now() - t0) / 100) / 10, rssMb: server.memory().rssMb });
        // A line a minute, so a long run shows it is alive and how it goes.
        if (rss.length % 30 === 0) {
          const all = [...recorder.kinds.values()];
          const n = all.reduce((a, k) => a + k.n, 0);
          const errors = all.reduce((a, k) => a + k.errors, 0);
          log(
            `  ${Math.round((performance.now() - t0) / 1000)} s: ${n} requests, ${errors} unexpected, server RSS ${rss[rss.length - 1].rssMb} MB`,
          );
        }
      } catch {
        serverDied = true; // /proc/<pid> is gone
      }
    }, 2000);
    try {
      await Promise.all(
        order.map(async ({ person, index }, k) => {
          await new Promise((r) => setTimeout(r, (k * rampMs) / order.length));
          const s = new Session(server.url, recorder, `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${(index & 255) + 1}`);
          if (!(await s.signIn(person.email, BENCH_PASSWORD))) return;
          await work(s, person.role, world, new Rng(seed + index + 1), (err) => {
            recorder.record('client', 'other', { status: 0, ms: 0, expected: false, conflict: false, note: String(err) });
            if (clientErrors.length < 10) clientErrors.push(String((err as Error)?.stack ?? err));
          });
          await s.signOut();
        }),
      );
    } finally {
      clearInterval(sampler);
      cpuAtEnd = processCpuMs(server.pid);
    }
  } finally {
    shutdown = await server.stop();
  }
  const loadavgEnd = os.loadavg();
  const elapsedSec = (performance.now() - t0) / 1000;

  const kinds = kindResults(recorder, engine, scale);
  const growth = rssGrowth(rss, durationSec);
  const errors = kinds.reduce((n, k) => n + k.errors, 0);
  const requests = kinds.reduce((n, k) => n + k.n, 0);
  // The server process's own CPU per request (PostgreSQL's backends not counted): steadier than wall time on a busy machine.
  const serverCpuMsPerRequest = requests ? Math.round(((cpuAtEnd - cpuAtStart) / requests) * 100) / 100 : Number.NaN;
  const overBudget = kinds.filter((k) => k.withinBudget === false);
  const failures: string[] = [];
  if (errors) failures.push(`${errors} unexpected answers`);
  if (serverDied || shutdown.exitCode !== 0) failures.push(`the server died or did not stop cleanly (exit ${shutdown.exitCode})`);
  const rssOver = !(growth.growthPct < 10);
  if (rssOver && args.rss === 'enforce') failures.push(`server RSS grew ${growth.growthPct} % after warm-up (limit 10 %)`);
  if (overBudget.length && args.p95 === 'enforce') failures.push(`p95 over budget: ${overBudget.map((k) => k.kind).join(', ')}`);

  log(
    `\n${engine} · scale ${scale} · ${users} users (${counts.rep} reps, ${counts.manager} managers, ${counts.director} directors) · ${(elapsedSec / 60).toFixed(1)} min`,
  );
  log(`times in ms, p50/p95 after the warm-up (first ${growth.warmupSec} s); 409s are expected outcomes of concurrent edits`);
  printKinds(kinds, log);
  const minutes = minuteResults(recorder);
  printMinutes(minutes, log);
  for (const e of clientErrors) log(`  client error: ${e.slice(0, 600)}`);
  log(
    `\n${requests} requests, ${Math.round(requests / elapsedSec)} req/s, server CPU ${serverCpuMsPerRequest} ms per request; loadavg ${loadavgStart.map((x) => x.toFixed(2)).join(' ')} → ${loadavgEnd.map((x) => x.toFixed(2)).join(' ')}`,
  );
  log(
    `server RSS: ${rss[0]?.rssMb ?? '–'} MB at start, median ${growth.afterWarmupMb} MB after warm-up, ${growth.lastMb} MB over the last ${growth.lastSec} s: ${growth.growthPct} % (limit 10 %${args.rss === 'report' ? ', reported only' : ''}); peak ${Math.max(...rss.map((s) => s.rssMb))} MB`,
  );
  log(`server shutdown: ${shutdown.shutdownMs} ms, exit ${shutdown.exitCode}`);
  if (overBudget.length && args.p95 === 'report')
    log(`p95 over budget (reported only, --p95 report): ${overBudget.map((k) => k.kind).join(', ')}`);

  const out = path.join(benchDir, 'results', `soak-${engine}-${scale}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    engine,
    scale,
    seed,
    users,
    sessions: counts,
    minutes: durationSec / 60,
    thinkMs,
    gates: { p95: args.p95, rss: args.rss },
    serverCpuMsPerRequest,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavgStart, loadavgEnd },
    database: copy.location,
    server: { startMs: Math.round(server.startMs), ...shutdown, died: serverDied },
    requests,
    reqPerSec: Math.round(requests / elapsedSec),
    errors,
    rss: { ...growth, samples: rss },
    kinds,
    perMinute: minutes,
    failures,
    passed: failures.length === 0,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`results: ${path.relative(process.cwd(), out)}`);
  log(failures.length ? `\nSOAK FAILED: ${failures.join('; ')}` : '\nsoak passed');
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
