import fs from 'node:fs';
import path from 'node:path';
import type { TExportFormat, TLocale } from '@tierline/contracts';
import type { Command } from 'commander';
import type { Db } from '../db/client.ts';
import { systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { AnyExportDefinition } from '../platform/exports/export.definition.ts';
import { writeExport } from '../platform/exports/export.writer.ts';
import { EXPORT_LISTS } from '../platform/exports/exportLists.ts';
import type { Ctx } from '../platform/requestContext.ts';
import { actorOf, findActingUser, findOrg } from './actingUser.ts';
import { UsageError } from './commands.ts';
import { withDatabase } from './withDatabase.ts';

type ExportFlags = { org: string; as?: string; format?: string; locale: string; out: string; filter: string[] };

/** `--filter status=active --filter tierId=…` → the list's query parameters, checked by the list's own schema. */
function parseQuery(def: AnyExportDefinition, flags: ExportFlags, format: string) {
  const params: Record<string, string> = {};
  for (const pair of flags.filter) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--filter: expected key=value, got "${pair}"`);
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const parsed = def.query.safeParse({ ...params, format, locale: flags.locale });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? '');
    const flag = key === 'format' || key === 'locale' ? `--${key}` : `--filter ${key}`;
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  return parsed.data;
}

/** Progress on stderr: rewritten in place on a terminal, a line every 10,000 rows in a log. */
function progress(list: string) {
  const tty = process.stderr.isTTY;
  let logged = 0;
  return (rows: number) => {
    if (tty) process.stderr.write(`\rexporting ${list}: ${rows.toLocaleString('en-US')} rows written`);
    else if (rows - logged >= 10_000) {
      logged = rows;
      process.stderr.write(`exporting ${list}: ${rows.toLocaleString('en-US')} rows written\n`);
    }
  };
}

/** What to export, from the arguments alone: checked before the database is opened. */
function exportRequest(list: string, flags: ExportFlags) {
  const def = EXPORT_LISTS[list];
  if (!def) throw new UsageError(`no list "${list}"; lists are ${Object.keys(EXPORT_LISTS).join(', ')}`);
  // npm run changes to the repository root; a relative --out means the directory the command was typed in.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), flags.out);
  const format = flags.format ?? (path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  const { format: f, locale, ...filters } = parseQuery(def, flags, format);
  return { def, out, format: f as TExportFormat, locale: locale as TLocale, filters };
}

async function exportList(db: Db, request: ReturnType<typeof exportRequest>, flags: ExportFlags) {
  const { def, out, format, locale, filters } = request;
  const org = await findOrg(db, flags.org);
  const user = await findActingUser(db, org.id, flags.as);
  if (def.access.kind === 'roles' && !def.access.roles.includes(user.role))
    throw new UsageError(`--as: a ${user.role} may not export ${def.list}`);
  const ctx: Ctx = { db, actor: await actorOf(db, user), requestId: 'cli', clock: systemClock };

  // Written beside the target and renamed at the end: a failed export never leaves a half file under the real name.
  const partial = `${out}.partial`;
  const report = progress(def.list);
  let rows = 0;
  try {
    rows = await writeExport(fs.createWriteStream(partial), {
      format,
      locale,
      sheet: def.sheet,
      columns: def.columns,
      pages: def.pages(ctx, filters, locale),
      onProgress: report,
    });
    fs.renameSync(partial, out);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof AppError) throw new UsageError(err.message);
    throw err;
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  process.stderr.write(`exporting ${def.list}: ${rows.toLocaleString('en-US')} rows written\n`);
  return `exported ${rows} ${def.list} as ${user.email} to ${out}`;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the `export` command(s) to the admin CLI. */
export function registerExportCommands(program: Command) {
  program
    .command('export')
    .description(`write a list to a CSV or Excel file, as a user of the organisation sees it (${Object.keys(EXPORT_LISTS).join(', ')})`)
    .argument('<list>', 'the list to export')
    .requiredOption('--org <org>', 'organisation id or exact name')
    .option('--as <email>', 'the user whose data scope applies (default: the organisation’s first admin)')
    .option('--format <format>', 'csv | xlsx (default: from the --out extension, else csv)')
    .option('--locale <locale>', 'language of the column headers: zh-CN | en', 'zh-CN')
    .requiredOption('--out <file>', 'the file to write')
    .option('--filter <key=value>', 'a filter of the list, as in its API query (repeatable)', collect, [])
    .action((list: string, flags: ExportFlags) => {
      const request = exportRequest(list, flags);
      return withDatabase((db) => exportList(db, request, flags))(flags);
    });
}
