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

/** A value from the audit log, which may be any JSON, as short readable text. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
