import { contractApprovalState, decideApproval } from '../modules/approvals/approvals.usecases.ts';
import { recordPayment, setInstallments } from '../modules/contracts/contractPayments.usecases.ts';
import { changeContractStatus, createContract, getVisibleContract } from '../modules/contracts/contracts.usecases.ts';
import { as, type DemoDeal, type DemoUser, type DemoWorld } from './demoWorld.ts';
import type { Rng } from './random.ts';

/** Payment plans (shares of the amount, days after signing): one payment, 50/50, or 30/40/30 for projects. */
const PLANS: Record<DemoDeal['processType'], [number, number][][]> = {
  short: [
    [[100, 15]],
    [
      [50, 7],
      [50, 45],
    ],
  ],
  long: [
    [
      [50, 15],
      [50, 90],
    ],
    [
      [30, 10],
      [40, 60],
      [30, 120],
    ],
  ],
  project: [
    [
      [30, 10],
      [40, 90],
      [30, 180],
    ],
    [
      [20, 10],
      [50, 120],
      [30, 240],
    ],
  ],
};
const METHODS = ['银行转账', '银行转账', '电汇', '银行承兑汇票'];

/** Splits an amount in cents by percentages; the last share takes the rounding, so the plan sums exactly. */
function split(amount: string, shares: number[]): string[] {
  const cents = Math.round(Number(amount) * 100);
  let left = cents;
  return shares.map((pct, i) => {
    const part = i === shares.length - 1 ? left : Math.round((cents * pct) / 100);
    left -= part;
    return (part / 100).toFixed(2);
  });
}

/**
 * Contracts for most won deals, signed days after the win. A contract above the owner's level limit waits for the
 * team manager's approval (approved after a day; the most recent ones still pending). Active contracts get their
 * payment plan, and payments (回款) arrive around each due date — mostly in full, some in part, some not at all,
 * which is what the overdue receivables show. One-off purchases paid in full are completed.
 */
export async function createContracts(w: DemoWorld, rng: Rng) {
  const staff = new Map([...w.teams.flatMap((t) => [t.manager, ...t.reps]), ...w.directors, w.admin].map((u) => [u.id, u]));
  const won = w.deals.filter((d) => d.outcome === 'won' && d.closedDay !== null).sort((a, b) => (a.closedDay ?? 0) - (b.closedDay ?? 0));
  for (const deal of won) {
    if (!rng.chance(0.85)) continue;
    const owner = deal.owner;
    const signDay = Math.min((deal.closedDay as number) + rng.int(1, 10), -1);
    const signedAt = w.time.officeHours(rng, signDay);
    let contract = await createContract(as(w, owner, signedAt), {
      dealId: deal.id,
      signedOn: w.time.date(signDay),
      startsOn: w.time.date(signDay),
      endsOn: w.time.date(signDay + 365),
    });
    const decisionAt = new Date(Math.max(w.time.officeHours(rng, Math.min(signDay + 1, -1)).getTime(), signedAt.getTime() + 3_600_000));
    if (contract.status === 'pending_approval') {
      if (signDay > -4) continue; // still waiting for the manager
      const state = await contractApprovalState(as(w, owner, decisionAt), contract);
      const approver: DemoUser = staff.get(state.pending?.approverId ?? '') ?? w.directors[0];
      await decideApproval(
        as(w, approver, new Date(decisionAt.getTime() + 3_600_000)),
        state.pending?.id as string,
        'approved',
        '价格与付款条款已审核，同意签约。',
      );
    } else {
      await changeContractStatus(as(w, owner, decisionAt), contract.id, contract.version, 'active');
    }
    contract = await getVisibleContract(as(w, owner, new Date(decisionAt.getTime() + 2 * 3_600_000)), contract.id);
    const plan = rng.pick(PLANS[deal.processType]);
    const amounts = split(
      contract.amount,
      plan.map(([pct]) => pct),
    );
    const detail = await setInstallments(
      as(w, owner, new Date(decisionAt.getTime() + 2 * 3_600_000)),
      contract.id,
      contract.version,
      plan.map(([, days], i) => ({ dueOn: w.time.date(signDay + days), amount: amounts[i] })),
    );
    let paidInFull = true;
    let lastPaidAt = decisionAt;
    for (const [i, instalment] of detail.installments.entries()) {
      const dueDay = signDay + plan[i][1];
      const roll = rng.next();
      const receivedDay = Math.min(dueDay + rng.int(-3, roll < 0.75 ? 5 : 25), -1);
      if (dueDay >= -1 || roll >= 0.9 || receivedDay <= signDay) {
        paidInFull = false;
        continue;
      }
      const part = roll < 0.82 ? instalment.amount : split(instalment.amount, [50, 50])[0];
      if (part !== instalment.amount) paidInFull = false;
      lastPaidAt = w.time.officeHours(rng, receivedDay);
      await recordPayment(as(w, owner, lastPaidAt), contract.id, {
        amount: part,
        receivedOn: w.time.date(receivedDay),
        installmentId: instalment.id,
        method: rng.pick(METHODS),
        reference: `HK${w.time.date(receivedDay).replaceAll('-', '')}${rng.int(1000, 9999)}`,
      });
    }
    // A one-off purchase paid in full is done with: the owner completes its contract when the last payment is in.
    if (paidInFull && deal.processType === 'short') {
      const at = new Date(lastPaidAt.getTime() + 30 * 60_000);
      const current = await getVisibleContract(as(w, owner, at), contract.id);
      await changeContractStatus(as(w, owner, at), contract.id, current.version, 'completed');
    }
  }
}
