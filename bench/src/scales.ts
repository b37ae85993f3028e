export type ScaleName = 'S' | 'M' | 'L';
export type EngineName = 'pglite' | 'postgres';

export type Scale = {
  name: ScaleName;
  customers: number;
  reps: number;
  teams: number;
  /** Target number of order lines; orders average four lines each. */
  orderLines: number;
  products: number;
  /** Activities (calls, emails, visits, meetings, notes) per customer on average, skewed to the bigger buyers (1M at M). */
  activitiesPerCustomer: number;
  /** Deals per customer on average, skewed to the bigger buyers (500k at M). */
  dealsPerCustomer: number;
  /** Engines this scale may run on (L is PostgreSQL only). */
  engines: readonly EngineName[];
};

export const SCALES: Record<ScaleName, Scale> = {
  S: {
    name: 'S',
    customers: 10_000,
    reps: 50,
    teams: 5,
    orderLines: 200_000,
    products: 2_000,
    activitiesPerCustomer: 10,
    dealsPerCustomer: 5,
    engines: ['pglite', 'postgres'],
  },
  M: {
    name: 'M',
    customers: 100_000,
    reps: 500,
    teams: 50,
    orderLines: 2_000_000,
    products: 5_000,
    activitiesPerCustomer: 10,
    dealsPerCustomer: 5,
    engines: ['pglite', 'postgres'],
  },
  L: {
    name: 'L',
    customers: 1_000_000,
    reps: 5_000,
    teams: 500,
    orderLines: 20_000_000,
    products: 5_000,
    activitiesPerCustomer: 10,
    dealsPerCustomer: 5,
    engines: ['postgres'],
  },
};

/**
 * The generated world's "today": every order, contact and creation date lies before it, so the data and the
 * tiers computed from it are the same whenever the benchmark runs. 2026-10-01 00:00 in Asia/Shanghai.
 */
export const AS_OF = new Date('2026-09-30T16:00:00.000Z');
/** How far back purchase history goes. */
export const HISTORY_DAYS = 3 * 365;
/** Every generated user signs in with this password (one argon2id hash reused for all of them). */
export const BENCH_PASSWORD = 'bench-password-2026';
/** Bump when the generator changes what it writes: cached databases of another version are rebuilt. */
export const GENERATOR_VERSION = 5; // 5: ten activities per customer (1M at M, as issue 10 sets)
/** Timeline events of the one heavy customer (rep0001's): activities, plus its orders and tier history as they come. */
export const HEAVY_TIMELINE_EVENTS = 10_000;
export const DEFAULT_SEED = 20260930;
