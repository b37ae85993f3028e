import type { TContractStatus } from '@tierline/contracts';
import { toCents } from '../../shared/format.ts';

/** Cents back to the API's decimal text: 123450 → "1234.50". */
export function centsToAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Today as a calendar date (YYYY-MM-DD) on this device, the way date inputs and the API write it. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface PlanCheck {
  totalCents: number;
  amountCents: number;
  /** Contract amount − plan total: positive when the plan is short, negative when it is over. */
  diffCents: number;
  /** The server takes a plan only when it sums to the amount exactly, or an empty plan (which clears it). */
  matches: boolean;
}

/** Sums a draft plan in cents, so "0.1 + 0.2" instalments compare exactly with the contract amount. */
export function checkPlan(contractAmount: string, items: readonly { amount?: string | number | null }[]): PlanCheck {
  const totalCents = items.reduce((sum, item) => sum + toCents(item.amount ?? null), 0);
  const amountCents = toCents(contractAmount);
  const diffCents = amountCents - totalCents;
  return { totalCents, amountCents, diffCents, matches: items.length === 0 || diffCents === 0 };
}

/** The amount split into `n` instalments of whole cents; the last takes the remainder so they sum exactly. */
export function splitEvenly(amount: string, n: number): string[] {
  if (n < 1) return [];
  const total = toCents(amount);
  const each = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => centsToAmount(i === n - 1 ? total - each * (n - 1) : each));
}

/** `months` calendar months after a date, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export type InstallmentStatus = 'paid' | 'partial' | 'overdue' | 'upcoming';

/**
 * Where an instalment stands. Overdue only counts on signed business (active or completed), as in
 * the server's overdue report: a draft's plan is a proposal, and nobody owes anything on it yet.
 * An instalment due today is not overdue (the server counts "due before asOf").
 */
export function installmentStatus(
  installment: { dueOn: string; amount: string; paid: string },
  contractStatus: TContractStatus,
  today: string,
): InstallmentStatus {
  const amount = toCents(installment.amount);
  const paid = toCents(installment.paid);
  if (amount > 0 && paid >= amount) return 'paid';
  const signed = contractStatus === 'active' || contractStatus === 'completed';
  if (signed && installment.dueOn < today) return 'overdue';
  return paid > 0 ? 'partial' : 'upcoming';
}

/** Received as a share of the amount, floored to 0.1 % so 99.99 % never shows as done. */
export function progressPercent(paid: string, amount: string): number {
  const total = toCents(amount);
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((toCents(paid) * 1000) / total) / 10);
}

/**
 * What a payment most likely covers: the outstanding part of the first instalment not yet paid (in
 * due-date order, as the server applies payments), else the whole outstanding balance.
 */
export function suggestedPayment(contract: {
  outstanding: string;
  installments: readonly { dueOn: string; position: number; outstanding: string }[];
}): string {
  const next = [...contract.installments]
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.position - b.position)
    .find((i) => toCents(i.outstanding) > 0);
  return next ? next.outstanding : contract.outstanding;
}

export type ContractAction = 'active' | 'pending_approval' | 'completed' | 'cancelled';

/**
 * The status changes to offer, mirroring the server's life cycle (draft → active, or → pending_approval
 * when the amount needs approval; active → completed; any open state → cancelled). A pending contract
 * becomes active by its approval, not by a button.
 */
export function contractActions(status: TContractStatus): ContractAction[] {
  switch (status) {
    case 'draft':
      return ['active', 'pending_approval', 'cancelled'];
    case 'pending_approval':
      return ['cancelled'];
    case 'active':
      return ['completed', 'cancelled'];
    default:
      return [];
  }
}

/** Completed and cancelled contracts are history: no edits, no plan changes, no payments. */
export const isClosed = (status: TContractStatus) => status === 'completed' || status === 'cancelled';

/**
 * Amount, currency and owner are the terms an approval decides on: the server fixes them once the
 * contract is active, and refuses a change while an approval is pending.
 */
export const termsEditable = (status: TContractStatus) => status === 'draft';
