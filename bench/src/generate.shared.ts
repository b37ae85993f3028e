/**
 * What every part of the generator shares: the loader (drizzle and COPY over one connection), the CSV writer that
 * hashes what it writes, time helpers in the organisation's zone (Asia/Shanghai, UTC+8 all year), and the facts one
 * part hands the next (people, customers) — so each domain (deals, tasks, performance) lives in its own file.
 */
import type { createHash } from 'node:crypto';
import { type AnyColumn, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../apps/server/src/db/client.ts';
import { periodsEndingWith } from '../../apps/server/src/modules/performance/periods.rules.ts';
import type { Rng } from './prng.ts';
import { AS_OF, type Scale } from './scales.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const CHUNK_ROWS = 50_000;
/** Asia/Shanghai has no daylight saving time: local time is UTC+8 all year. */
const ORG_OFFSET = 8 * HOUR;

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

export const cols = (...c: AnyColumn[]) => c.map((x) => x.name);
export const tableName = (t: PgTable) => getTableName(t);

/** A CSV field: empty for null (COPY's CSV null), quoted when it must be. */
export function f(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  if (v === '') return '""';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
export const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar date of an instant in the organisation's zone (YYYY-MM-DD). */
export const localDate = (ms: number) => new Date(ms + ORG_OFFSET).toISOString().slice(0, 10);
/** Local midnight of the day an instant falls on, as an instant. */
export const localMidnight = (ms: number) => Math.floor((ms + ORG_OFFSET) / DAY) * DAY - ORG_OFFSET;
/** Local midnight of a calendar date, as an instant. */
export const dateStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
/** A moment in office hours (09:00–17:59 local) of the day `ms` falls on. */
export const officeHours = (ms: number, rng: Rng) => localMidnight(ms) + rng.int(9, 17) * HOUR + rng.int(0, 59) * MINUTE;

/** Streams rows into a table in chunks, hashing the placeholder text and overlapping generation with the load. */
export class CopyWriter {
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
  /** Buffers a row given as its fields, flushing a full chunk. */
  async row(fields: (string | number)[]) {
    if (this.add(fields.join(','))) await this.flush();
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

/** What a domain's generator gets: the load, the seeded randomness, and a writer factory that hashes its rows. */
export type Gen = {
  loader: Loader;
  scale: Scale;
  root: Rng;
  log: (line: string) => void;
  writer: (table: PgTable, columns: string[]) => CopyWriter;
  /** Placeholders (`@LEVEL_MID@`) for the ids `createOrganisation` drew at random, so the content hash stays put. */
  placeholders: Map<string, string>;
};

/** Users as the generator made them: index r of each rep array is rep r (`rep0001` is 0). */
export type People = {
  teamIds: string[];
  managerIds: string[];
  directorIds: string[];
  repIds: string[];
  repTeam: number[];
  /** 0 junior, 1 mid, 2 senior: the rep's current level (LEVEL_KEYS). */
  repLevel: number[];
  /** Hire date (YYYY-MM-DD) of each rep. */
  repHired: string[];
};
export const LEVEL_KEYS = ['junior', 'mid', 'senior'] as const;
export const levelPlaceholder = (level: number) => `@LEVEL_${LEVEL_KEYS[level].toUpperCase()}@`;

/** Customers as generated (index i is the i-th customer in id order). */
export type Customers = {
  n: number;
  ids: string[];
  names: string[];
  /** Rep index, or -1 in the pool. */
  ownerOf: Int32Array;
  /** The owner, or for a pool customer the rep who had it before: its activities and deals are theirs. */
  formerOwner: Int32Array;
  createdAt: Float64Array;
  /** NaN: never contacted. */
  lastContactOf: Float64Array;
  deletedOf: Uint8Array;
  inactiveOf: Uint8Array;
  /** Spend propensity (0: never orders); tiers, deal sizes and contact frequency follow it. */
  propensity: Float64Array;
};

/**
 * A rep's figures over the last STAT_QUARTERS quarters, gathered while the rows are generated, for what a sales
 * organisation would set from its own history: level default targets, rep and team quotas, forecast commits.
 */
export const STAT_QUARTERS = periodsEndingWith('2026-Q3', 4);
const quarterStarts = [...STAT_QUARTERS.map((q) => dateStart(q.from)), dateStart(STAT_QUARTERS[STAT_QUARTERS.length - 1].to)];
if (quarterStarts[quarterStarts.length - 1] !== AS_OF.getTime()) throw new Error('STAT_QUARTERS must end at AS_OF');

export const STAT_KEYS = [
  'revenueWon',
  'won',
  'lost',
  'paymentsCollected',
  'newCustomers',
  'orders',
  'activities',
  'cadenceDue',
  'cadenceOnTime',
  'satisfactionSum',
  'satisfactionCount',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

export class RepQuarterStats {
  private readonly data: Record<StatKey, Float64Array>;
  constructor(readonly reps: number) {
    this.data = Object.fromEntries(STAT_KEYS.map((k) => [k, new Float64Array(reps * STAT_QUARTERS.length)])) as Record<
      StatKey,
      Float64Array
    >;
  }
  /** The quarter (0 … STAT_QUARTERS.length − 1) an instant falls in, or -1 outside them. */
  static quarterOf(ms: number): number {
    if (ms < quarterStarts[0] || ms >= quarterStarts[quarterStarts.length - 1]) return -1;
    let q = 0;
    while (ms >= quarterStarts[q + 1]) q++;
    return q;
  }
  add(key: StatKey, rep: number, ms: number, value = 1) {
    const q = RepQuarterStats.quarterOf(ms);
    if (q >= 0 && rep >= 0) this.data[key][rep * STAT_QUARTERS.length + q] += value;
  }
  get(key: StatKey, rep: number, q: number): number {
    return this.data[key][rep * STAT_QUARTERS.length + q];
  }
}
