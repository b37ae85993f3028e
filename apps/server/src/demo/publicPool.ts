import { claimCustomer, releaseCustomer } from '../modules/pool/pool.usecases.ts';
import { as, type DemoUser, type DemoWorld, scaled } from './demoWorld.ts';
import type { Rng } from './random.ts';

const RELEASE_REASONS = ['客户暂无采购需求', '客户已被竞争对手长期绑定', '联系人离职，暂无对接人', '客户业务收缩'];

/**
 * The public pool (公海) beyond the customers imported into it: a few small customers released by their owners
 * with a reason, and some of those claimed again by a colleague — each logged as a pool event.
 */
export async function workThePool(w: DemoWorld, rng: Rng) {
  const candidates = w.customers.filter((c) => c.owner && c.plannedTier === 'smb' && c.lastContactDay !== null && c.lastContactDay < -10);
  const released = rng.sample(candidates, scaled(w, 12, 1));
  for (const c of released) {
    const owner = c.owner as DemoUser;
    const day = w.time.workdayFrom(Math.min((c.lastContactDay as number) + rng.int(1, 5), -2), -2);
    await releaseCustomer(as(w, owner, w.time.officeHours(rng, day)), c.id, rng.pick(RELEASE_REASONS));
    c.owner = null;
    if (!rng.chance(0.3)) continue;
    const claimer = rng.pick(c.team.reps.filter((r) => r.id !== owner.id && r.levelKey !== 'senior'));
    await claimCustomer(as(w, claimer, w.time.officeHours(rng, day + 1)), c.id, '看好后续需求，重新跟进');
    c.owner = claimer;
  }
  return released.length;
}
