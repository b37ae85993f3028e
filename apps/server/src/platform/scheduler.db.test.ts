import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/engine.ts';
import { createTestDatabase } from '../../test/testDatabase.ts';
import { orgs } from '../modules/orgs/orgs.table.ts';
import { newId } from './ids.ts';
import { createScheduler, runExclusively, taskLockKey } from './scheduler.ts';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('runExclusively', () => {
  it('runs the task in a transaction and returns its result', async () => {
    const id = newId();
    const run = await runExclusively(db, {
      name: 'test-insert',
      run: async (tx) => (await tx.insert(orgs).values({ id, name: 'Scheduled' }).returning())[0].name,
    });
    expect(run).toEqual({ outcome: 'ran', result: 'Scheduled' });
    expect(await db.select().from(orgs).where(eq(orgs.id, id))).toHaveLength(1);
  });

  it('rolls the task’s work back when it fails', async () => {
    const id = newId();
    const failing = runExclusively(db, {
      name: 'test-fail',
      run: async (tx) => {
        await tx.insert(orgs).values({ id, name: 'Half done' });
        throw new Error('boom');
      },
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await db.select().from(orgs).where(eq(orgs.id, id))).toHaveLength(0);
  });

  it('gives each task its own lock key', () => {
    expect(taskLockKey('pool-sweep')).not.toBe(taskLockKey('other'));
    expect(Number.isInteger(taskLockKey('pool-sweep'))).toBe(true);
    expect(Math.abs(taskLockKey('pool-sweep'))).toBeLessThan(2 ** 31);
  });

  // PGlite is one connection in one process (the data-dir lock keeps others out): there is no second
  // instance to exclude, and a second transaction would only queue behind the first.
  it.skipIf(testEngine === 'pglite')('skips the run while another instance holds the task’s lock', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${0x54_4c_53_43}::int4, ${taskLockKey('pool-sweep')}::int4)`);
      locked();
      await held;
    });
    await isLocked;
    let ran = false;
    const skipped = await runExclusively(db, {
      name: 'pool-sweep',
      run: async () => {
        ran = true;
      },
    });
    expect(skipped).toEqual({ outcome: 'skipped' });
    expect(ran).toBe(false);
    expect((await runExclusively(db, { name: 'another-task', run: async () => 'free' })).outcome).toBe('ran');
    release();
    await holder;
    expect((await runExclusively(db, { name: 'pool-sweep', run: async () => 'mine now' })).result).toBe('mine now');
  });
});

describe('createScheduler', () => {
  it('runs each task every interval once started, and never after stop', async () => {
    let runs = 0;
    const scheduler = createScheduler({
      db,
      initialDelayMs: 0,
      tasks: [{ name: 'count', intervalMs: 10, run: async () => ++runs }],
    });
    expect(runs).toBe(0);
    scheduler.start();
    await until(() => runs >= 3);
    await scheduler.stop();
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
  });

  it('waits for a run in progress when stopped, so the database can close after it', async () => {
    let finished = false;
    let started = false;
    const errors: unknown[] = [];
    const scheduler = createScheduler({
      db,
      initialDelayMs: 0,
      logger: { info: () => {}, error: (obj) => errors.push(obj) },
      tasks: [
        {
          name: 'slow',
          intervalMs: 1000,
          run: async () => {
            started = true;
            await sleep(100);
            finished = true;
          },
        },
      ],
    });
    scheduler.start();
    await until(() => started);
    await scheduler.stop();
    expect(finished).toBe(true);
    expect(errors).toEqual([]);
  });

  it('logs a failed run and keeps going', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const scheduler = createScheduler({
      db,
      initialDelayMs: 0,
      logger: { info: () => {}, error: (obj) => errors.push(obj) },
      tasks: [
        {
          name: 'flaky',
          intervalMs: 10,
          run: async () => {
            attempts++;
            throw new Error('flaky');
          },
        },
      ],
    });
    scheduler.start();
    await until(() => attempts >= 2);
    await scheduler.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
