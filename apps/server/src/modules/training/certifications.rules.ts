/** Days before expiry when a certification counts as expiring (and the re-certification enrolment is made). */
export const EXPIRING_WITHIN_DAYS = 30;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `day` (YYYY-MM-DD) plus whole calendar months, clamped to the end of the month reached:
 * 2026-01-31 + 1 month = 2026-02-28, 2024-01-31 + 1 = 2024-02-29.
 */
export function addCalendarMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** When a certification granted on `grantedOn` expires: `validMonths` calendar months later, or never (null). */
export const expiryOf = (grantedOn: string, validMonths: number | null): string | null =>
  validMonths === null ? null : addCalendarMonths(grantedOn, validMonths);

export type CertificationStatus = 'valid' | 'expiring' | 'expired';

/**
 * A certification's standing on `today`: expired after its expiry date (it is still good on the day itself),
 * expiring when the expiry is at most 30 days away, else valid (also when it never expires).
 */
export function certificationStatus(expiresOn: string | null, today: string): CertificationStatus {
  if (expiresOn === null) return 'valid';
  if (expiresOn < today) return 'expired';
  return daysBetween(today, expiresOn) <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'valid';
}
