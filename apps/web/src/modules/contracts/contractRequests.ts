import type { TContract, TContractCreate, TContractUpdate, TPaymentCreate } from '@tierline/contracts';
import { toCents } from '../../shared/format.ts';
import { centsToAmount } from './contractMath.ts';

/** Form values as antd gives them: InputNumber in string mode, date inputs as "" when emptied. */
type MaybeAmount = string | number | null | undefined;
type MaybeText = string | null | undefined;

const text = (v: MaybeText) => (v ?? '').trim();
/** A date field: "" or missing means no date. */
const dateOrNull = (v: MaybeText) => text(v) || null;
/** Money as the API's decimal text with 2 places, read through cents so "1e3" or "0.1" never reach it. */
const amountText = (v: MaybeAmount) => centsToAmount(toCents(v ?? null));

export interface NewContractValues {
  dealId: string;
  number?: MaybeText;
  amount?: MaybeAmount;
  signedOn?: MaybeText;
  startsOn?: MaybeText;
  endsOn?: MaybeText;
}

/** A contract from a won deal: what is left empty (number, amount) the server takes from the deal or generates. */
export function newContractBody(v: NewContractValues): TContractCreate {
  const body: TContractCreate = { dealId: v.dealId };
  if (text(v.number)) body.number = text(v.number);
  if (v.amount !== undefined && v.amount !== null && v.amount !== '') body.amount = amountText(v.amount);
  for (const key of ['signedOn', 'startsOn', 'endsOn'] as const) {
    const date = dateOrNull(v[key]);
    if (date) body[key] = date;
  }
  return body;
}

export interface ContractEditValues {
  number?: MaybeText;
  amount?: MaybeAmount;
  currency?: MaybeText;
  ownerId?: MaybeText;
  signedOn?: MaybeText;
  startsOn?: MaybeText;
  endsOn?: MaybeText;
}

/**
 * Only what changed, with the version it was based on: the server refuses a change of amount,
 * currency or owner once the contract is active, so an unchanged amount must not be sent at all.
 */
export function contractPatch(before: TContract, v: ContractEditValues): TContractUpdate & { version: number } {
  const patch: TContractUpdate & { version: number } = { version: before.version };
  if (text(v.number) && text(v.number) !== before.number) patch.number = text(v.number);
  if (v.amount !== undefined && v.amount !== null && v.amount !== '' && toCents(v.amount) !== toCents(before.amount))
    patch.amount = amountText(v.amount);
  if (text(v.currency) && text(v.currency) !== before.currency) patch.currency = text(v.currency);
  if (text(v.ownerId) && text(v.ownerId) !== before.ownerId) patch.ownerId = text(v.ownerId);
  for (const key of ['signedOn', 'startsOn', 'endsOn'] as const) {
    if (v[key] === undefined) continue;
    const date = dateOrNull(v[key]);
    if (date !== before[key]) patch[key] = date;
  }
  return patch;
}

/** True when the patch carries nothing but the version: no request needed. */
export const isEmptyPatch = (patch: object) => Object.keys(patch).every((k) => k === 'version');

export interface PlanRow {
  dueOn?: MaybeText;
  amount?: MaybeAmount;
}

/** The plan as the server takes it, in due-date order (the order payments are applied in). */
export function installmentsBody(rows: readonly PlanRow[], version: number) {
  const installments = rows
    .map((r) => ({ dueOn: text(r.dueOn), amount: amountText(r.amount) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { installments, version };
}

export interface PaymentValues {
  amount: MaybeAmount;
  receivedOn: string;
  installmentId?: MaybeText;
  method?: MaybeText;
  reference?: MaybeText;
}

export function paymentBody(v: PaymentValues): TPaymentCreate {
  return {
    amount: amountText(v.amount),
    receivedOn: text(v.receivedOn),
    installmentId: text(v.installmentId) || null,
    method: text(v.method) || null,
    reference: text(v.reference) || null,
  };
}
