import type { TContractStatus } from '@tierline/contracts';
import { compareDecimal, subtractDecimal, sumDecimals } from '../../platform/decimal.ts';
import type { FieldError } from '../../platform/errors.ts';

/**
 * A contract's life: draft → (pending_approval →) active → completed, and cancelled from any open state.
 * A draft goes to pending_approval when its amount needs approval; approval makes it active, rejection
 * returns it to draft (see the approvals module). Completed and cancelled are final.
 */
const NEXT: Record<TContractStatus, TContractStatus[]> = {
  draft: ['pending_approval', 'active', 'cancelled'],
  pending_approval: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function statusChangeProblem(from: TContractStatus, to: TContractStatus): FieldError | null {
  if (NEXT[from].includes(to)) return null;
  return {
    path: 'status',
    message: NEXT[from].length ? `a ${from} contract can become ${NEXT[from].join(' or ')}, not ${to}` : `a ${from} contract is final`,
  };
}

/** Completed and cancelled contracts are history: they change no more. */
export const isClosed = (status: TContractStatus) => status === 'completed' || status === 'cancelled';

/** The amount, owner and currency are what was approved and what payments count against: fixed once active. */
export const termsLocked = (status: TContractStatus) => status !== 'draft' && status !== 'pending_approval';

/**
 * A payment plan must sum to the contract amount exactly (no plan at all is allowed: it is cleared).
 * Compared as exact decimals, never floats.
 */
export function planProblems(contractAmount: string, installments: { amount: string }[]): FieldError[] {
  if (!installments.length) return [];
  const total = sumDecimals(installments.map((i) => i.amount));
  if (compareDecimal(total, contractAmount) === 0) return [];
  return [{ path: 'installments', message: `the instalments sum to ${total}; the contract amount is ${contractAmount}` }];
}

/** What is still owed: amount − paid. */
export const outstandingOf = (amount: string, paid: string) => subtractDecimal(amount, paid);

/** A payment must be more than 0 and not more than what is still owed. */
export function paymentProblem(amount: string, outstanding: string, path = 'amount'): FieldError | null {
  if (compareDecimal(amount, '0') <= 0) return { path, message: 'must be greater than 0' };
  if (compareDecimal(amount, outstanding) > 0) return { path, message: `${amount} is more than the outstanding balance ${outstanding}` };
  return null;
}

export function dateProblems(d: { startsOn?: string | null; endsOn?: string | null }): FieldError[] {
  return d.startsOn && d.endsOn && d.endsOn < d.startsOn ? [{ path: 'endsOn', message: 'ends before it starts' }] : [];
}

/** The calendar date of `at` in the organisation's time zone (YYYY-MM-DD): "today" for due dates and numbers. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Generated contract numbers read HT (合同) + the local date: HT20260105-0001. */
export const contractNumberPrefix = (at: Date, timeZone: string) => `HT${localDate(at, timeZone).replaceAll('-', '')}`;
