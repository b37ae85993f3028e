// Ad-hoc: profile an import in-process. npx tsx apps/server/test/profileImport.ts <file> [postgres|pglite]
import fs from 'node:fs';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { jobHandlers } from '../src/jobs.ts';
import { createOrganisation } from '../src/modules/orgs/orgs.usecases.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createJobRunner } from '../src/platform/jobs/jobs.runner.ts';
import { multipartBody } from './multipart.ts';

const [file, engine = 'postgres'] = process.argv.slice(2);
let database: Awaited<ReturnType<typeof openPglite>>;
if (engine === 'postgres') {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('drop database if exists tierline_profile with (force)');
  await admin.query('create database tierline_profile');
  await admin.end();
  database = await openPostgres('postgres://postgres@127.0.0.1:5432/tierline_profile');
} else database = await openPglite({});
await runMigrations(database, engine === 'postgres' ? 'postgres://postgres@127.0.0.1:5432/tierline_profile' : undefined);
const app = await buildApp({ database, clock: systemClock });
await database.db.transaction((tx) =>
  createOrganisation(tx, { orgName: 'P', admin: { name: 'A', email: 'p@p.test', password: 'Profile-123456' } }, new Date()),
);
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'p@p.test', password: 'Profile-123456' } });
const cookie = `tl_session=${login.cookies.find((c) => c.name === 'tl_session')?.value}`;
const csrf = login.json().csrfToken;
const mapping = {
  orderNumber: { column: 'InvoiceNo' },
  productCode: { column: 'StockCode' },
  productName: { column: 'Description' },
  quantity: { column: 'Quantity' },
  orderedAt: { column: 'InvoiceDate' },
  unitPrice: { column: 'UnitPrice' },
  customer: { column: 'CustomerID', default: 'walk-in' },
  customerRegion: { column: 'Country' },
  currency: { default: 'GBP' },
};
const { body, contentType } = multipartBody(
  {
    entity: 'orders',
    mode: process.env.MODE ?? 'all-or-nothing',
    mapping: JSON.stringify(mapping),
    options: JSON.stringify({ createMissingCustomers: true }),
  },
  { name: 'r.csv', content: fs.readFileSync(file) },
);
const t0 = performance.now();
const res = await app.inject({
  method: 'POST',
  url: '/api/v1/imports',
  headers: { cookie, 'x-csrf-token': csrf, 'content-type': contentType },
  payload: body,
});
const t1 = performance.now();
await createJobRunner({ db: database.db, clock: systemClock, handlers: jobHandlers }).runDueJobs();
const t2 = performance.now();
const status = await app.inject({ method: 'GET', url: `/api/v1/imports/${res.json().id}`, headers: { cookie } });
const { errors, mapping: _m, ...rest } = status.json();
console.log({ uploadMs: Math.round(t1 - t0), jobMs: Math.round(t2 - t1), ...rest, errors: errors.slice(0, 3) });
await app.close();
await database.close();
