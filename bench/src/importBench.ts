/**
 * The Online Retail import (issue 6 and 10): the 541,909 order lines of ../shared/data/online-retail, concatenated
 * into one CSV, uploaded to a real server on a fresh empty database and imported all or nothing, timed from the
 * upload to the finished import; the server's RSS growth is read from /proc. The raw yardstick is PostgreSQL's
 * COPY of the same file into a plain table on the same engine: the floor for moving these bytes into the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPglite } from '../../apps/server/src/db/client.ts';
import { postgresServerUrl } from './database.ts';
import type { EngineName } from './scales.ts';
import { processMemory, startServer } from './server.ts';

const retailDir = fileURLToPath(new URL('../../../shared/data/online-retail/by-day/', import.meta.url));
const ADMIN = { email: 'import-bench@tierline.local', password: 'Import-Bench-2024' };

/** The mapping the guide uses: Online Retail's columns onto Tierline's order fields. */
export const ONLINE_RETAIL_MAPPING = {
  orderNumber: { column: 'InvoiceNo' },
  productCode: { column: 'StockCode' },
  productName: { column: 'Description' },
  quantity: { column: 'Quantity' },
  orderedAt: { column: 'InvoiceDate' },
  unitPrice: { column: 'UnitPrice' },
  // 135,080 lines name no customer: they go to one walk-in customer rather than being dropped.
  customer: { column: 'CustomerID', default: 'walk-in' },
  customerRegion: { column: 'Country' },
  currency: { default: 'GBP' },
};

/** One file of every day, header once (as SOURCE.md says), cached under the OS temp directory. */
export function onlineRetailFile(): { file: string; lines: number } {
  const file = path.join(os.tmpdir(), 'tierline-online-retail.csv');
  const days = fs
    .readdirSync(retailDir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  if (!fs.existsSync(file)) {
    const out = fs.openSync(`${file}.part`, 'w');
    days.forEach((day, i) => {
      const text = fs.readFileSync(path.join(retailDir, day), 'utf8');
      fs.writeSync(out, i === 0 ? text : text.slice(text.indexOf('\n') + 1));
    });
    fs.closeSync(out);
    fs.renameSync(`${file}.part`, file);
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length - 1;
  return { file, lines };
}

export type ImportBenchResult = {
  lines: number;
  bytes: number;
  uploadMs: number;
  totalMs: number;
  rowsPerSec: number;
  status: string;
  inserted: number;
  errorCount: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssGrowthMb: number;
  rawCopyMs: number;
  /** Σ of the imported orders' amounts: SOURCE.md gives 9,747,747.93 for Σ quantity × unit price over every line. */
  amountSum: string;
};

async function signIn(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
}

/** A fresh database for one run: a new PGlite directory, or a new PostgreSQL database. */
async function freshDatabase(
  engine: EngineName,
): Promise<{ env: Record<string, string>; drop: () => Promise<void>; sum: (sql: string) => Promise<string> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-import-bench-'));
    return {
      env: { DATA_DIR: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
      sum: async (sql) => {
        const db = await openPglite({ dataDir: path.join(dir, 'pgdata') });
        try {
          return String((await db.rawQuery(sql)).rows[0].sum);
        } finally {
          await db.close();
        }
      },
    };
  }
  const name = 'tierline_bench_import';
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {},
    sum: async (sql) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return String((await c.query(sql)).rows[0].sum);
      } finally {
        await c.end();
      }
    },
  };
}

/** COPY of the file into an unindexed table of the same columns: how fast the engine takes these bytes at all. */
async function rawCopy(engine: EngineName, file: string): Promise<number> {
  const ddl =
    'create temp table retail (invoice_no text, stock_code text, description text, quantity numeric, invoice_date timestamp, unit_price numeric, customer_id text, country text)';
  if (engine === 'pglite') {
    const db = await PGlite.create();
    await db.exec(ddl);
    const blob = new Blob([fs.readFileSync(file)]);
    const t = performance.now();
    await db.query(`copy retail from '/dev/blob' with (format csv, header true)`, [], { blob });
    const elapsed = performance.now() - t;
    await db.close();
    return elapsed;
  }
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  await client.query(ddl);
  const t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom('copy retail from stdin with (format csv, header true)'));
    fs.createReadStream(file).pipe(stream).on('finish', resolve).on('error', reject);
  });
  const elapsed = performance.now() - t;
  await client.end();
  return elapsed;
}

export async function runImportBench(engine: EngineName, log: (line: string) => void): Promise<ImportBenchResult> {
  const { file, lines } = onlineRetailFile();
  const bytes = fs.statSync(file).size;
  const database = await freshDatabase(engine);
  const server = await startServer({
    ...database.env,
    TIERLINE_ADMIN_EMAIL: ADMIN.email,
    TIERLINE_ADMIN_PASSWORD: ADMIN.password,
    TIERLINE_JOB_POLL_MS: '100',
  });
  try {
    const headers = await signIn(server.url);
    const rssBeforeMb = server.memory().rssMb;
    const form = new FormData();
    form.set('entity', 'orders');
    form.set('mode', 'all-or-nothing');
    form.set('mapping', JSON.stringify(ONLINE_RETAIL_MAPPING));
    form.set('options', JSON.stringify({ createMissingCustomers: true }));
    form.set('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), 'online-retail.csv');
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers, body: form });
    if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const uploadMs = performance.now() - t0;
    let peakRssMb = 0;
    let status: Record<string, unknown> = {};
    for (;;) {
      peakRssMb = Math.max(peakRssMb, server.memory().rssMb);
      const r = await fetch(`${server.url}/api/v1/imports/${id}`, { headers });
      status = (await r.json()) as Record<string, unknown>;
      if (status.status === 'succeeded' || status.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalMs = performance.now() - t0;
    peakRssMb = Math.max(peakRssMb, processMemory(server.pid).peakRssMb);
    if (status.status !== 'succeeded') throw new Error(`the import ended ${status.status}: ${status.failureReason}`);
    log(`online retail import: ${lines} lines in ${(totalMs / 1000).toFixed(1)} s (upload ${(uploadMs / 1000).toFixed(1)} s)`);
    await server.stop();
    const amountSum = await database.sum('select sum(amount)::text as sum from orders');
    const rawCopyMs = await rawCopy(engine, file);
    return {
      amountSum,
      lines,
      bytes,
      uploadMs: Math.round(uploadMs),
      totalMs: Math.round(totalMs),
      rowsPerSec: Math.round(lines / (totalMs / 1000)),
      status: String(status.status),
      inserted: Number(status.inserted),
      errorCount: Number(status.errorCount),
      rssBeforeMb,
      peakRssMb,
      rssGrowthMb: peakRssMb - rssBeforeMb,
      rawCopyMs: Math.round(rawCopyMs),
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}

// `npx tsx bench/src/importBench.ts postgres|pglite`: the import alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const engine = (process.argv[2] ?? 'postgres') as EngineName;
  runImportBench(engine, console.log).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
