import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_ENTITIES, type TImportMapping, ZImportEntity, ZImportMapping } from '@tierline/contracts';
import type { Command } from 'commander';
import type { Db } from '../db/client.ts';
import { importerOf } from '../modules/imports/importers.ts';
import { importJob } from '../modules/imports/imports.job.ts';
import { guessMapping } from '../modules/imports/imports.mapping.ts';
import * as repo from '../modules/imports/imports.repository.ts';
import { uploadFromFile } from '../modules/imports/imports.upload.ts';
import { createImport } from '../modules/imports/imports.usecases.ts';
import { systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { createJobRunner } from '../platform/jobs/jobs.runner.ts';
import { actorOf, findActingUser, findOrg } from './actingUser.ts';
import { UsageError } from './commands.ts';
import { withDatabase } from './withDatabase.ts';

type ImportFlags = {
  entity: string;
  org: string;
  as?: string;
  mode: string;
  mapping?: string;
  map: string[];
  default: string[];
  createMissingCustomers?: boolean;
};

const pairs = (flag: string, values: string[]) =>
  values.map((v) => {
    const at = v.indexOf('=');
    if (at <= 0) throw new UsageError(`--${flag} ${v}: write field=value`);
    return [v.slice(0, at), v.slice(at + 1)] as const;
  });

/**
 * The mapping: --mapping (a JSON file) or else the one guessed from the headers, with --map field=column
 * and --default field=value on top.
 */
function mappingOf(flags: ImportFlags, guessed: TImportMapping): TImportMapping {
  let mapping: TImportMapping = guessed;
  if (flags.mapping) {
    try {
      mapping = ZImportMapping.parse(JSON.parse(fs.readFileSync(path.resolve(process.env.INIT_CWD ?? '.', flags.mapping), 'utf8')));
    } catch (err) {
      throw new UsageError(`--mapping ${flags.mapping}: ${(err as Error).message}`);
    }
  }
  mapping = { ...mapping };
  for (const [field, column] of pairs('map', flags.map)) mapping[field] = { ...mapping[field], column };
  for (const [field, value] of pairs('default', flags.default)) mapping[field] = { ...mapping[field], default: value };
  return mapping;
}

/** A progress line on stderr, rewritten in place on a terminal. */
function progressLine(row: repo.ImportRow) {
  const total = row.total
    ? ` / ${row.total.toLocaleString('en-US')} (${Math.min(100, Math.round((row.processed / row.total) * 100))} %)`
    : '';
  const line = `  ${row.status}: ${row.processed.toLocaleString('en-US')}${total} rows`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
}

/**
 * Runs an import in this process through the same path as the API (the file is stored, a job is queued)
 * and works that job here, printing progress; the result is the import's status line and its first errors.
 */
async function runImportCommand(db: Db, file: string, flags: ImportFlags) {
  const org = await findOrg(db, flags.org);
  const user = await findActingUser(db, org.id, flags.as);
  const ctx = { db, actor: await actorOf(db, user), requestId: 'cli', clock: systemClock };
  const filePath = path.resolve(process.env.INIT_CWD ?? '.', file);
  if (!fs.existsSync(filePath)) throw new UsageError(`no file ${file}`);
  const entity = ZImportEntity.safeParse(flags.entity);
  if (!entity.success) throw new UsageError(`--entity: one of ${IMPORT_ENTITIES.join(', ')}`);
  const fields: Record<string, string> = { entity: entity.data, mode: flags.mode };
  if (flags.createMissingCustomers) fields.options = JSON.stringify({ createMissingCustomers: true });
  const upload = await uploadFromFile(filePath, fields);
  const { columns } = await upload.head(0);
  fields.mapping = JSON.stringify(mappingOf(flags, guessMapping(columns, importerOf(entity.data).fields)));
  let id: string;
  try {
    ({ id } = await createImport(ctx, upload));
  } catch (err) {
    if (err instanceof AppError)
      throw new UsageError([err.message, ...(err.errors ?? []).map((e) => `  ${e.path}: ${e.message}`)].join('\n'));
    throw err;
  }
  console.log(`import ${id}: ${flags.entity} from ${path.basename(filePath)} (${flags.mode}), as ${user.email}`);
  const started = performance.now();
  // One progress read at a time: on PGlite an all-or-nothing import holds the only connection until it ends.
  let reading = false;
  const ticker = setInterval(() => {
    if (reading) return;
    reading = true;
    void repo
      .findImport(db, org.id, id)
      .then((r) => r && progressLine(r))
      .finally(() => {
        reading = false;
      });
  }, 1000);
  const runner = createJobRunner({ db, clock: systemClock, handlers: [importJob] });
  let row: repo.ImportRow | undefined;
  try {
    // A running server's worker (PostgreSQL) may take the job first: then this waits for it to finish.
    for (;;) {
      await runner.runDueJobs();
      row = await repo.findImport(db, org.id, id);
      if (!row || row.status === 'succeeded' || row.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    clearInterval(ticker);
  }
  if (!row) throw new Error(`import ${id} vanished`);
  progressLine(row);
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    `${row.status} in ${seconds} s: ${row.processed} rows, ${row.inserted} inserted, ${row.updated} updated, ${row.skipped} skipped, ${row.errorCount} errors`,
    ...(row.failureReason ? [`reason: ${row.failureReason}`] : []),
    ...row.firstErrors.slice(0, 10).map((e) => `  row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`),
    ...(row.errorCount > 10 ? [`  … all ${row.errorCount} errors: GET /api/v1/imports/${id}/errors.csv`] : []),
  ];
  if (row.status === 'failed') throw new UsageError(lines.join('\n'));
  return lines.join('\n');
}

export function registerImportCommands(program: Command) {
  program
    .command('import <file>')
    .description('import a CSV or Excel file as the API does (dry run, all or nothing, or skip invalid rows), with progress')
    .requiredOption('--entity <entity>', IMPORT_ENTITIES.join(' | '))
    .requiredOption('--org <org>', 'organisation id or exact name')
    .option('--as <email>', 'the user the import acts as (default: the organisation’s first admin)')
    .option('--mode <mode>', 'dry-run | all-or-nothing | skip-invalid', 'all-or-nothing')
    .option('--mapping <file>', 'a JSON mapping: field → {column, default, values} (default: guessed from the headers)')
    .option('--map <field=column...>', 'map a field to a column (repeatable; on top of --mapping)', [])
    .option('--default <field=value...>', 'a value for a field when its cell is empty or unmapped (repeatable)', [])
    .option('--create-missing-customers', 'orders, deals, contacts, activities: create unknown customers (in the pool)')
    .action((file: string, flags: ImportFlags) => withDatabase((db) => runImportCommand(db, file, flags))(flags));
}
