import type { TFunction } from 'i18next';
import { type ApiError, isApiError } from '../../shared/api.ts';

const FIELDS = ['amount', 'expectedCloseDate', 'customerId', 'lines', 'contacts', 'lossReason'] as const;
type GateField = (typeof FIELDS)[number];
const ROLES = ['decision_maker', 'economic_buyer', 'influencer', 'user', 'gatekeeper'] as const;
type Role = (typeof ROLES)[number];

export interface MissingItem {
  path: string;
  /** What to do, in the UI language. */
  label: string;
  kind: 'field' | 'contactRole' | 'milestone' | 'other';
}

/** A move or a create refused because the stage's gate is not met. */
export function isGateRefusal(error: unknown): error is ApiError {
  return isApiError(error, 422) && error.code === 'gate_not_met';
}

/**
 * The items a stage gate still misses, named in the UI language from the error paths:
 * `amount`, `contacts.economic_buyer`, `milestones.PoC`, `milestones` (all must be done), `lossReason`.
 */
export function missingItems(error: ApiError, t: TFunction): MissingItem[] {
  return (error.problem.errors ?? []).map(({ path, message }) => {
    if ((FIELDS as readonly string[]).includes(path)) return { path, kind: 'field', label: t(`deals.gate.fields.${path as GateField}`) };
    const [head, ...rest] = path.split('.');
    const tail = rest.join('.');
    if (head === 'contacts' && (ROLES as readonly string[]).includes(tail)) {
      return { path, kind: 'contactRole', label: t('deals.gate.contactRole', { role: t(`contacts.roles.${tail as Role}`) }) };
    }
    if (head === 'milestones') {
      return tail
        ? { path, kind: 'milestone', label: t('deals.gate.milestone', { name: tail }) }
        : { path, kind: 'milestone', label: t('deals.gate.allMilestones') };
    }
    return { path, kind: 'other', label: message };
  });
}
