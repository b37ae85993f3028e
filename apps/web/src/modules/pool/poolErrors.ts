import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/**
 * Why a claim was refused, in the UI language with the figures that matter: how many owned or
 * claimed against the level's limit, or when the cool-down ends. The server states the figures in
 * its English messages ("owned 3 of at most 3", "… until 2025-03-08T10:00:00.000Z"); we read them from there.
 */
export function claimErrorText(error: unknown, t: TFunction, locale: string): string {
  if (!isApiError(error)) return errorText(error, t);
  const message = error.problem.errors?.[0]?.message ?? '';
  const numbers = (message.match(/\d+/g) ?? []).map(Number);
  switch (error.code) {
    case 'claim_limit_customers':
      return numbers.length >= 2 ? t('pool.limitCustomers', { owned: numbers[0], max: numbers[1] }) : t('pool.limitCustomersPlain');
    case 'claim_limit_daily':
      return numbers.length >= 2 ? t('pool.limitDaily', { claimed: numbers[0], max: numbers[1] }) : t('pool.limitDailyPlain');
    case 'cool_down': {
      const until = [...message.matchAll(ISO_TIMESTAMP), ...(error.problem.detail ?? '').matchAll(ISO_TIMESTAMP)].at(-1)?.[0];
      const days = /cool-down of (\d+) days/.exec(message)?.[1];
      return until ? t('pool.coolDown', { until: formatDateTime(until, locale), days: days ?? '?' }) : t('pool.coolDownPlain');
    }
    default:
      return errorText(error, t);
  }
}
