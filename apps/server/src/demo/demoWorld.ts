import type { TRole } from '@tierline/contracts';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from '../platform/access.ts';
import type { Ctx } from '../platform/requestContext.ts';
import type { DemoClock, DemoTime } from './demoTime.ts';
import { Rng } from './random.ts';
import type { City, SalesRegion } from './vocabulary.ts';

export type DemoOptions = {
  orgName: string;
  adminEmail: string;
  adminPassword: string;
  seed: number;
  /** YYYY-MM-DD: the history ends the day before; the demo's now is 08:00 on this day. */
  asOf: string;
  /** 1 = the full organisation (600 customers); tests use 0.05. Staff, tiers, pipelines and products never shrink. */
  scale: number;
};

export type LevelKey = 'junior' | 'mid' | 'senior';
export type TierKey = 'ka' | 'vip' | 'smb';
export type ProcessType = 'short' | 'long' | 'project';

export type DemoUser = { id: string; email: string; name: string; role: TRole; levelKey: LevelKey | null; actor: Actor };
export type DemoTeam = { id: string; name: string; region: SalesRegion; manager: DemoUser; reps: DemoUser[] };

export type DemoContact = { id: string; name: string; title: string; buyingRole: string };
export type DemoCustomer = {
  id: string;
  externalId: string;
  name: string;
  shortName: string;
  domain: string;
  industry: string;
  city: City;
  district: string;
  team: DemoTeam;
  /** The tier its spending is drawn for; the tier rules have the last word at the end. */
  plannedTier: TierKey;
  spendWeight: number;
  owner: DemoUser | null;
  createdDay: number;
  /** The day of its most recent contact, planned so the pool and the cadence show some of each. */
  lastContactDay: number | null;
  contacts: DemoContact[];
};

export type DemoStage = { id: string; key: string; kind: 'open' | 'won' | 'lost' };
export type DemoPipeline = { id: string; processType: ProcessType; stages: DemoStage[] };

export type DemoDeal = {
  id: string;
  name: string;
  customer: DemoCustomer;
  owner: DemoUser;
  processType: ProcessType;
  amount: string;
  createdDay: number;
  outcome: 'open' | 'won' | 'lost';
  /** The day it was won or lost; null while open. */
  closedDay: number | null;
};

/** Everything the demo's steps share: the transaction, the calendar and clock, and what earlier steps created. */
export type DemoWorld = {
  options: DemoOptions;
  db: DbOrTx;
  time: DemoTime;
  clock: DemoClock;
  orgId: string;
  admin: DemoUser;
  directors: DemoUser[];
  teams: DemoTeam[];
  viewer: DemoUser;
  tiers: Record<TierKey, string>;
  levels: Record<LevelKey, string>;
  pipelines: Record<ProcessType, DemoPipeline>;
  customers: DemoCustomer[];
  deals: DemoDeal[];
  /** A generator of its own for each step, so one step's draws do not shift another's. */
  rng: (step: string) => Rng;
};

export const allReps = (w: Pick<DemoWorld, 'teams'>) => w.teams.flatMap((t) => t.reps);

/** A use-case context acting as `user` at `at`: the clock is set there, so what the use case stamps is historical. */
export function as(w: Pick<DemoWorld, 'db' | 'clock'>, user: DemoUser, at: Date): Ctx {
  w.clock.set(at);
  return { db: w.db, actor: user.actor, requestId: 'demo', clock: w.clock };
}

/** The actor a signed-in user of this organisation would be. */
export function actorOf(
  orgId: string,
  u: { id: string; role: TRole; teamId: string | null; levelId: string | null },
  managed: string[] = [],
) {
  return { orgId, userId: u.id, role: u.role, teamId: u.teamId, levelId: u.levelId, managedTeamIds: managed, via: 'session' } as Actor;
}

/** One generator per step, seeded from the seed and the step's name: independent of the order steps ask. */
export function stepRngs(seed: number) {
  const forks = new Map<string, Rng>();
  return (step: string) => {
    let rng = forks.get(step);
    if (!rng) {
      let h = 0x811c9dc5;
      for (let i = 0; i < step.length; i++) h = Math.imul(h ^ step.charCodeAt(i), 0x01000193) >>> 0;
      rng = new Rng((Math.imul(seed >>> 0, 0x9e3779b1) ^ h) >>> 0);
      forks.set(step, rng);
    }
    return rng;
  };
}

/** Scales a count, keeping at least `min`. */
export const scaled = (w: Pick<DemoWorld, 'options'>, full: number, min = 1) => Math.max(min, Math.round(full * w.options.scale));
