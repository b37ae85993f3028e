import type { TActivityCreate, TActivityKind, TActivityOutcome } from '@tierline/contracts';

export const ACTIVITY_KINDS: readonly TActivityKind[] = ['call', 'email', 'visit', 'meeting', 'note'];
export const ACTIVITY_OUTCOMES: readonly TActivityOutcome[] = ['reached', 'no_answer', 'interested', 'not_interested', 'follow_up', 'done'];

/** The server accepts an occurredAt up to 5 minutes ahead of its clock (phones drift); so does the form. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The quick activity form. Field names follow the request's paths so the server's field errors land on them;
 * `occurredAt` is what a datetime-local input holds ("2025-03-01T14:05", the browser's local time).
 */
export interface ActivityFormValues {
  kind: TActivityKind;
  subject: string;
  notes?: string | null;
  outcome?: TActivityOutcome | null;
  occurredAt: string;
  durationMinutes?: number | null;
  contactId?: string | null;
  dealId?: string | null;
  location?: string | null;
}

/** What the activity is logged on: a customer (optionally one of its deals) or a lead. */
export interface ActivityTarget {
  customerId?: string | null;
  dealId?: string | null;
  leadId?: string | null;
}

/** A position from navigator.geolocation, for a visit's check-in. */
export interface GeoFix {
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy?: number;
}

/** Everything but a note reaches the customer, and so moves its last contact (decision 0019). */
export const isContactKind = (kind: TActivityKind): boolean => kind !== 'note';

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local input shows it, in the browser's time zone, to the minute. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (browser time) as an ISO timestamp; null when it is not a valid moment. */
export function fromLocalInput(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Whether a datetime-local value lies further ahead of `now` than the server will accept. */
export function isTooFarAhead(value: string | null | undefined, now: Date): boolean {
  const iso = fromLocalInput(value);
  return iso !== null && Date.parse(iso) > now.getTime() + FUTURE_TOLERANCE_MS;
}

/** The form as it opens: a call happening now, or what the caller preset (a task's kind and title). */
export function initialActivityValues(now: Date, preset: Partial<ActivityFormValues> = {}): ActivityFormValues {
  return { kind: 'call', subject: '', occurredAt: toLocalInput(now), ...preset };
}

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};
/** Degrees kept to 6 decimals (about 0.1 m), as the server stores them. */
const degrees = (value: number) => Math.round(value * 1e6) / 1e6;

/** What the form knows beyond its fields. */
export interface ActivityExtras {
  /** The visit's position, when the rep asked for it. */
  geo?: GeoFix | null;
  /**
   * The time the form opened with. Left as it was, the activity happened "now": the server's clock says when,
   * to the microsecond, rather than the input's minute (which would sort it before what happened earlier that minute).
   */
  defaultOccurredAt?: string;
}

/**
 * The create request from the form. An activity on a lead carries no contact or deal (the server refuses
 * them); a deal preset by the page wins over the form's choice; a note has no outcome; only a visit has a
 * check-in place and position. Empty fields are left out rather than sent as null.
 */
export function buildActivityCreate(values: ActivityFormValues, target: ActivityTarget, extras: ActivityExtras = {}): TActivityCreate {
  const { geo = null, defaultOccurredAt } = extras;
  const occurredAt = values.occurredAt === defaultOccurredAt ? null : fromLocalInput(values.occurredAt);
  const request: TActivityCreate = {
    kind: values.kind,
    subject: values.subject.trim(),
    ...(occurredAt ? { occurredAt } : {}),
    ...(text(values.notes) ? { notes: text(values.notes) } : {}),
    ...(values.kind !== 'note' && values.outcome ? { outcome: values.outcome } : {}),
    ...(typeof values.durationMinutes === 'number' ? { durationMinutes: Math.round(values.durationMinutes) } : {}),
  };
  if (target.leadId) return { ...request, leadId: target.leadId };

  const dealId = target.dealId ?? values.dealId ?? undefined;
  Object.assign(request, {
    customerId: target.customerId ?? undefined,
    ...(values.contactId ? { contactId: values.contactId } : {}),
    ...(dealId ? { dealId } : {}),
  });
  if (values.kind === 'visit') {
    const location = text(values.location);
    if (location) request.location = location;
    if (geo) Object.assign(request, { latitude: degrees(geo.latitude), longitude: degrees(geo.longitude) });
  }
  return request;
}

/** The fields of the form a server error can be shown under. */
export type ActivityFormField = keyof ActivityFormValues;
const FORM_FIELDS = new Set<string>([
  'kind',
  'subject',
  'notes',
  'outcome',
  'occurredAt',
  'durationMinutes',
  'contactId',
  'dealId',
  'location',
]);

/** Our words for the server's per-field refusals (activities.form.errors.*); the server's own text otherwise. */
export type ActivityErrorKey =
  | 'occurredAtFuture'
  | 'checkInFuture'
  | 'coordinates'
  | 'checkInNotVisit'
  | 'contact'
  | 'deal'
  | 'customer'
  | 'lead'
  | 'leadClosed'
  | 'leadNoLinks';

export interface PlacedError {
  /** The form field to show it under, or null when the form has no such field (it goes in the toast). */
  field: ActivityFormField | null;
  /** Our translation, when we know what the server meant. */
  key: ActivityErrorKey | null;
  /** The server's message, for what we have no words for. */
  message: string;
}

function errorKey(field: string, message: string): ActivityErrorKey | null {
  if (/only a visit/i.test(message)) return 'checkInNotVisit';
  if (/lead has no/i.test(message)) return 'leadNoLinks';
  switch (field) {
    case 'occurredAt':
      return /future/i.test(message) ? 'occurredAtFuture' : null;
    case 'checkInAt':
      return /future/i.test(message) ? 'checkInFuture' : null;
    case 'latitude':
    case 'longitude':
      return 'coordinates';
    case 'contactId':
      return 'contact';
    case 'dealId':
      return 'deal';
    case 'customerId':
      return 'customer';
    case 'leadId':
      return /converted|merged/i.test(message) ? 'leadClosed' : 'lead';
    default:
      return null;
  }
}

/**
 * Where each of the server's field errors (`errors[].path`, e.g. "body.occurredAt" or "latitude") goes on
 * the form: the check-in's time and position have no field of their own, so they show under the location.
 */
export function placeActivityErrors(errors: ReadonlyArray<{ path: string; message: string }>): PlacedError[] {
  return errors.map(({ path, message }) => {
    const name = path.split(/[./]/).filter((s) => s && s !== 'body')[0] ?? '';
    const field = ['checkInAt', 'latitude', 'longitude'].includes(name) ? 'location' : name;
    return {
      field: FORM_FIELDS.has(field) ? (field as ActivityFormField) : null,
      key: errorKey(name, message),
      message,
    };
  });
}
