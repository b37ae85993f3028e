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

/** A calendar date ("2025-03-01" or a timestamp) in the reader's language, without the time. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  // A bare date is a calendar day, not midnight UTC: read it as a local date so it never shifts a day.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A number with the reader's grouping ("1,234.5"); decimals as given, at most `maxDigits`. */
export function formatNumber(value: number | string | null | undefined, locale: string, maxDigits = 2): string {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(n) : String(value);
}

/** Money in its currency ("¥1,234.50", "CN¥1,234.50"); compact for tight spaces ("¥12万", "CN¥120K"). */
export function formatMoney(value: number | string | null | undefined, currency: string, locale: string, compact = false): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      // Compact: "¥50万", not "¥50.0万" (engines differ on the currency's default decimals).
      ...(compact ? { minimumFractionDigits: 0, maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }),
    }).format(n);
  } catch {
    // An unknown currency code: the number with the code after it.
    return `${formatNumber(n, locale)} ${currency}`;
  }
}

/**
 * A decimal amount as whole cents, read from its text ("1234.5" → 123450) so sums of many amounts
 * stay exact; money travels as strings with at most 2 decimals.
 */
export function toCents(amount: string | number | null | undefined): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return Math.round(Number(text) * 100) || 0;
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole || '0') * 100 + Number(`${fraction}00`.slice(0, 2)) + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  return sign ? -cents : cents;
}
