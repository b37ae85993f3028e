import type { FieldError } from '../../platform/errors.ts';
import type { ACTIVITY_KINDS, ACTIVITY_OUTCOMES } from './activities.table.ts';

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

/**
 * The kinds that are a contact with the customer: they move the customer's last contact (and so the pool's
 * reclaim clock and the tier cadence). A note records something; it does not reach the customer.
 */
export const CONTACT_KINDS: readonly ActivityKind[] = ['call', 'email', 'visit', 'meeting'];

export const countsAsContact = (kind: ActivityKind) => CONTACT_KINDS.includes(kind);

/**
 * Whether the customer answered. A call, visit or meeting did unless its outcome is `no_answer`; an email
 * only once an outcome says what came back (an email sent is an attempt, not an answer). A note never does.
 * An unanswered contact still counts as a contact attempt for the cadence and the pool.
 */
export function isAnswered(kind: ActivityKind, outcome: ActivityOutcome | null): boolean {
  if (!countsAsContact(kind) || outcome === 'no_answer') return false;
  return kind === 'email' ? outcome !== null : true;
}

/** How far ahead of the server's clock `occurredAt` may be: phones' clocks drift; a planned visit is a task. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The fields of an activity the rules look at, as it will be stored. */
export type ActivityState = {
  kind: ActivityKind;
  outcome: ActivityOutcome | null;
  occurredAt: Date;
  customerId: string | null;
  leadId: string | null;
  contactId: string | null;
  dealId: string | null;
  checkInAt: Date | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
};

const CHECK_IN_FIELDS = ['checkInAt', 'location', 'latitude', 'longitude'] as const;

/** Everything wrong with an activity about to be stored, each named by its field. */
export function checkActivity(a: ActivityState, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const latest = now.getTime() + FUTURE_TOLERANCE_MS;
  if (a.occurredAt.getTime() > latest)
    errors.push({ path: 'occurredAt', message: 'is in the future; log an activity once it has happened (plan it as a task)' });
  if (a.checkInAt && a.checkInAt.getTime() > latest) errors.push({ path: 'checkInAt', message: 'is in the future' });
  if (a.leadId !== null) {
    if (a.contactId !== null) errors.push({ path: 'contactId', message: 'an activity on a lead has no contact; convert the lead first' });
    if (a.dealId !== null) errors.push({ path: 'dealId', message: 'an activity on a lead has no deal; convert the lead first' });
  }
  if (a.kind !== 'visit') {
    for (const f of CHECK_IN_FIELDS) if (a[f] !== null) errors.push({ path: f, message: 'only a visit has a check-in time and place' });
  } else if ((a.latitude === null) !== (a.longitude === null)) {
    errors.push({ path: a.latitude === null ? 'latitude' : 'longitude', message: 'give latitude and longitude together' });
  }
  return errors;
}

type CheckInInput = { checkInAt?: Date | null; location?: string | null; latitude?: number | null; longitude?: number | null };

/**
 * The check-in of an activity after a change of kind: a visit checks in when it happened unless told
 * otherwise; an activity that stops being a visit loses the check-in it no longer has (unless the
 * change sets it, which checkActivity then refuses).
 */
export function checkInAfter(
  kind: ActivityKind,
  occurredAt: Date,
  before: { kind: ActivityKind | null; checkInAt: Date | null; location: string | null; latitude: number | null; longitude: number | null },
  change: CheckInInput,
) {
  const leftVisit = before.kind === 'visit' && kind !== 'visit';
  const pick = <K extends keyof CheckInInput>(k: K) =>
    (change[k] !== undefined ? change[k] : leftVisit ? null : before[k]) as NonNullable<CheckInInput[K]> | null;
  const checkInAt = pick('checkInAt');
  return {
    checkInAt: kind === 'visit' && checkInAt === null && change.checkInAt === undefined ? occurredAt : checkInAt,
    location: pick('location'),
    latitude: pick('latitude'),
    longitude: pick('longitude'),
  };
}

/** Participants beyond the owner and the main contact, each once, in the order given. */
export function participants(ownerId: string, contactId: string | null, contactIds: string[], userIds: string[]) {
  return {
    contactIds: [...new Set(contactIds)].filter((id) => id !== contactId),
    userIds: [...new Set(userIds)].filter((id) => id !== ownerId),
  };
}

export type ContactEffect = { at: Date; answered: boolean };
type ContactFacts = { kind: ActivityKind; outcome: ActivityOutcome | null; occurredAt: Date };

/**
 * What logging (before = null) or changing an activity does to the customer's contact record: nothing for
 * a note; otherwise a contact at its time. A change counts again only when it moves the contact later,
 * turns a note into a contact, or turns an unanswered contact into an answered one — moving a contact
 * earlier never moves the customer's last contact back.
 */
export function contactEffect(before: ContactFacts | null, after: ContactFacts): ContactEffect | null {
  if (!countsAsContact(after.kind)) return null;
  const answered = isAnswered(after.kind, after.outcome);
  if (
    before === null ||
    !countsAsContact(before.kind) ||
    after.occurredAt.getTime() > before.occurredAt.getTime() ||
    (answered && !isAnswered(before.kind, before.outcome))
  )
    return { at: after.occurredAt, answered };
  return null;
}

/** The customer's last contact after a contact at `at`: the later of the two, never earlier than it was. */
export const lastContactAfter = (current: Date | null, at: Date) => (current && current.getTime() >= at.getTime() ? current : at);
