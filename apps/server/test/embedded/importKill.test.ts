import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { testEngine } from '../engine.ts';
import { ONLINE_RETAIL_DIR } from '../onlineRetail.ts';
import { freePort, type ServerProcess, sessionHeaders, startServer, waitReady } from '../serverProcess.ts';

const ADMIN = { TIERLINE_ADMIN_EMAIL: 'imports@example.test', TIERLINE_ADMIN_PASSWORD: 'Imports-Password-1', TIERLINE_ORG_NAME: 'Imports' };
const LINES = 120_000;
const running: ServerProcess[] = [];
afterEach(() => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

/** The first LINES Online Retail lines as one CSV, and how many orders they make. */
function retailSample() {
  const lines: string[] = [];
  for (const day of fs.readdirSync(ONLINE_RETAIL_DIR).sort()) {
    const [header, ...rows] = fs.readFileSync(path.join(ONLINE_RETAIL_DIR, day), 'utf8').split('\n').filter(Boolean);
    if (!lines.length) lines.push(header);
    lines.push(...rows.slice(0, LINES + 1 - lines.length));
    if (lines.length > LINES) break;
  }
  const orders = new Set(lines.slice(1).map((l) => l.slice(0, l.indexOf(',')))).size;
  return { csv: `${lines.join('\n')}\n`, orders };
}

const MAPPING = {
  orderNumber: { column: 'InvoiceNo' },
  productCode: { column: 'StockCode' },
  quantity: { column: 'Quantity' },
  orderedAt: { column: 'InvoiceDate' },
  unitPrice: { column: 'UnitPrice' },
  customer: { column: 'CustomerID', default: 'walk-in' },
  currency: { default: 'GBP' },
};

/** The database outside the server: a fresh PGlite directory or a fresh PostgreSQL database. */
async function freshTarget(): Promise<{ env: Record<string, string>; query: (sql: string) => Promise<Record<string, unknown>[]> }> {
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tierline-import-kill-'));
    return {
      env: { DATA_DIR: dir },
      query: async (sql: string) => {
        const db = await openPglite({ dataDir: path.join(dir, 'pgdata') });
        try {
          return (await db.rawQuery(sql)).rows;
        } finally {
          await db.close();
        }
      },
    };
  }
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = 'tierline_import_kill'; // dropped and made again by each run
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  base.pathname = `/${name}`;
  const url = base.toString();
  return {
    env: { DATABASE_URL: url, TIERLINE_JOB_LEASE_MS: '3000' },
    query: async (sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    },
  };
}

describe('an all-or-nothing import killed mid-way', () => {
  it('leaves no order behind, then runs again to the end after a restart', async () => {
    const target = await freshTarget();
    const { csv, orders } = retailSample();
    const env = { ...target.env, ...ADMIN, TIERLINE_JOB_POLL_MS: '100', TIERLINE_POOL_SWEEP_MINUTES: '0' };
    const server = startServer(env, await freePort());
    running.push(server);
    await waitReady(server);
    const headers = await sessionHeaders(server.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    const form = new FormData();
    form.set('entity', 'orders');
    form.set('mode', 'all-or-nothing');
    form.set('mapping', JSON.stringify(MAPPING));
    form.set('options', JSON.stringify({ createMissingCustomers: true }));
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'retail.csv');
    const res = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers, body: form });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    // Mid-way: on PostgreSQL the progress shows it; PGlite's one connection is the import's until it ends.
    if (testEngine === 'postgres') {
      for (;;) {
        const [row] = await target.query(`select processed from imports where id = '${id}'`);
        if (Number(row.processed) > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } else await new Promise((r) => setTimeout(r, 4000));
    server.child.kill('SIGKILL');
    await server.exited;

    const [{ n }] = await target.query('select count(*)::int as n from orders');
    expect(n).toBe(0);
    const [before] = await target.query(`select status from imports where id = '${id}'`);
    expect(before.status).not.toBe('succeeded'); // killed before the end, or the test proves nothing

    const again = startServer(env, await freePort());
    running.push(again);
    await waitReady(again);
    const headers2 = await sessionHeaders(again.url, ADMIN.TIERLINE_ADMIN_EMAIL, ADMIN.TIERLINE_ADMIN_PASSWORD);
    let status: { status: string; processed: number; inserted: number } | undefined;
    for (const deadline = Date.now() + 150_000; Date.now() < deadline; ) {
      status = (await (await fetch(`${again.url}/api/v1/imports/${id}`, { headers: headers2 })).json()) as typeof status;
      if (status?.status === 'succeeded' || status?.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toMatchObject({ status: 'succeeded', processed: LINES, inserted: orders });
    again.child.kill('SIGTERM');
    await again.exited;
    const [{ n: after }] = await target.query('select count(*)::int as n from orders');
    expect(after).toBe(orders);
  }, 300_000);
});
