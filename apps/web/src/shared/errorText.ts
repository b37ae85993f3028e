import type { TFunction } from 'i18next';
import { zhCN } from '../app/i18n/zh-CN.ts';
import { type ApiError, isApiError } from './api.ts';

// Apart from errors.ts (whose useShowError needs antd's App, with message, notification and Modal) so the sign-in
// page can word its errors without loading those.

/** Problem codes we have our own words for (errors.codes.* in the i18n resources). */
type KnownCode = keyof typeof zhCN.errors.codes;

export function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(zhCN.errors.codes, code);
}

/**
 * A stale write: someone saved the record after this form loaded it. Other 409s (email_taken,
 * name_taken, team_has_members) are ordinary rule errors whose detail says what clashed.
 */
export function isStaleVersion(error: ApiError): boolean {
  return error.status === 412 || (error.status === 409 && error.code === 'stale_version');
}

/**
 * The sentence to show a user for a failed call. The server's detail is English; where we know
 * the code we say it in the UI language, otherwise the detail is the most precise we have.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unknown');
  if (error.status === 0) return t('errors.network');
  if (isStaleVersion(error)) return t('errors.conflict');
  if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
  const { detail, title } = error.problem;
  if (detail) return detail;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  return title || t('errors.unknown');
}
