import type { TLevel } from '@tierline/contracts';

/** Date and time in the reader's language, e.g. "2025年3月1日 14:05" or "Mar 1, 2025, 2:05 PM". */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A level's name in the UI language; levels are org data, so their names come from the API. */
export function levelName(level: Pick<TLevel, 'nameZh' | 'nameEn'>, locale: string): string {
  return locale.startsWith('zh') ? level.nameZh : level.nameEn;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_VALUE_LENGTH = 60;

/** An id shortened to its first and last characters ("01a21c2b…7206"), enough to tell ids apart on screen. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

/**
 * A value from the audit log, which may be any JSON, as short readable text: ids shortened,
 * timestamps in the reader's format, long text cut (the full value goes in a tooltip).
 */
export function formatAuditValue(value: unknown, locale: string): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') {
    if (UUID.test(value)) return shortId(value);
    if (ISO_DATETIME.test(value)) return formatDateTime(value, locale);
    return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  }
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE_LENGTH ? `${json.slice(0, MAX_VALUE_LENGTH)}…` : json;
}

/** The full value, for the tooltip of a shortened one. */
export function fullAuditValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
