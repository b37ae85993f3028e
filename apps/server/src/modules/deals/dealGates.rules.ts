import type { StageGate } from '../pipelines/pipelines.table.ts';

/** What a gate looks at: the deal's fields, its contacts' buying roles, its milestones. */
export type GateSubject = {
  amount: string | null;
  expectedCloseDate: string | null;
  customerId: string | null;
  lineCount: number;
  contactRoles: string[];
  milestones: { name: string; status: 'open' | 'done' }[];
};

export type MissingItem = { path: string; message: string };

const ROLE_NAMES: Record<string, string> = {
  decision_maker: 'a decision maker',
  economic_buyer: 'an economic buyer',
  influencer: 'an influencer',
  user: 'a user',
  gatekeeper: 'a gatekeeper',
};

/** Everything the deal still lacks to enter a stage with this gate; empty when it may enter. */
export function missingForGate(gate: StageGate, deal: GateSubject): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const field of gate.requiredFields ?? []) {
    const present =
      field === 'amount'
        ? deal.amount !== null && Number(deal.amount) > 0
        : field === 'expectedCloseDate'
          ? deal.expectedCloseDate !== null
          : field === 'customerId'
            ? deal.customerId !== null
            : field === 'lines'
              ? deal.lineCount > 0
              : deal.contactRoles.length > 0;
    if (!present) missing.push({ path: field, message: `${field} is required for this stage` });
  }
  for (const role of gate.requiredContactRoles ?? []) {
    if (!deal.contactRoles.includes(role))
      missing.push({ path: `contacts.${role}`, message: `${ROLE_NAMES[role] ?? role} contact is required for this stage` });
  }
  for (const name of gate.requiredMilestones ?? []) {
    if (name === '*') {
      if (!deal.milestones.length) missing.push({ path: 'milestones', message: 'the deal needs milestones, all done, for this stage' });
      for (const m of deal.milestones.filter((m) => m.status !== 'done'))
        missing.push({ path: `milestones.${m.name}`, message: `milestone “${m.name}” is not done` });
    } else if (!deal.milestones.some((m) => m.name === name && m.status === 'done')) {
      missing.push({ path: `milestones.${name}`, message: `milestone “${name}” must be done` });
    }
  }
  return missing;
}

/** Days from creation to close (or to now for an open deal), to one decimal. */
export function cycleDays(createdAt: Date, closedAt: Date | null): number | null {
  if (!closedAt) return null;
  return Math.round(((closedAt.getTime() - createdAt.getTime()) / 86_400_000) * 10) / 10;
}

/** The forecast category a move into a closing stage implies. */
export function forecastAfterMove(
  kind: 'open' | 'won' | 'lost',
  current: string,
): 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted' {
  if (kind === 'won') return 'closed';
  if (kind === 'lost') return 'omitted';
  return current === 'closed' || current === 'omitted' ? 'pipeline' : (current as 'pipeline' | 'best_case' | 'commit');
}
