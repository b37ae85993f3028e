import type { TLead } from '@tierline/contracts';
import type { MergeInput } from './leads.api.ts';

/** The fields a merge may fill on the kept lead (the server's MERGE_FILLABLE). */
export const MERGE_FIELDS = ['company', 'title', 'email', 'phone', 'source', 'region', 'industry'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

type MergeLead = Pick<TLead, 'id' | 'version' | 'status' | 'deletedAt' | 'createdAt' | MergeField>;

const blank = (v: string | null) => v === null || v.trim() === '';

export interface MergedField {
  field: MergeField;
  value: string | null;
  /** Where the kept lead's value will come from: its own, the other lead's (filled in), or neither has one. */
  from: 'kept' | 'gone' | null;
}

/**
 * What the kept lead will look like after the merge: it keeps every value it has and gains only
 * those it lacks — the rule the server applies, shown before the user confirms.
 */
export function mergePreview(kept: MergeLead, gone: MergeLead): MergedField[] {
  return MERGE_FIELDS.map((field) => {
    if (!blank(kept[field])) return { field, value: kept[field], from: 'kept' as const };
    if (!blank(gone[field])) return { field, value: gone[field], from: 'gone' as const };
    return { field, value: null, from: null };
  });
}

/**
 * Whether `keep` may survive a merge with `gone`: the one that goes must still be open and not
 * deleted (it becomes `merged`); the one that stays must be live (a converted lead may stay — it
 * only gains fields). A refusal reason names an i18n key under leads.merge.refused.
 */
export function mergeRefusal(keep: MergeLead, gone: MergeLead): 'goneClosed' | 'goneDeleted' | 'keptMerged' | 'keptDeleted' | null {
  if (gone.status === 'converted' || gone.status === 'merged') return 'goneClosed';
  if (gone.deletedAt) return 'goneDeleted';
  if (keep.status === 'merged') return 'keptMerged';
  if (keep.deletedAt) return 'keptDeleted';
  return null;
}

/**
 * The survivor to propose: the older lead when either may stay — the first capture is the record
 * people have been working, the newer one is the duplicate — else whichever may, else none.
 */
export function defaultSurvivor(current: MergeLead, other: MergeLead): string | null {
  const currentMay = !mergeRefusal(current, other);
  const otherMay = !mergeRefusal(other, current);
  // UUIDv7 ids are time-ordered too, so they settle two leads captured in the same millisecond.
  const age = (l: MergeLead) => `${new Date(l.createdAt).toISOString()}|${l.id}`;
  if (currentMay && otherMay) return age(other) < age(current) ? other.id : current.id;
  if (currentMay) return current.id;
  if (otherMay) return other.id;
  return null;
}

/** The request: the lead that goes away is the one merged, with the version the user saw it at. */
export function mergeRequest(a: MergeLead, b: MergeLead, keepId: string): MergeInput {
  const [keep, gone] = keepId === a.id ? [a, b] : [b, a];
  return { goneId: gone.id, version: gone.version, intoId: keep.id };
}
