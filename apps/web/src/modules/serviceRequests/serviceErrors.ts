import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { serviceZh } from '../../app/i18n/zh-CN/service.ts';
import { isApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';

type FieldKey = Exclude<keyof typeof serviceZh.service.errors, 'invalid_transition'>;
const FIELDS: readonly FieldKey[] = ['customerId', 'contactId', 'openedAt', 'ownerId', 'status'];

/**
 * The fields a refused service request names (`invalid_service_request`, 422), each with our words:
 * the server's reasons are English sentences, and a field under a Chinese form should speak Chinese.
 */
export function serviceFieldErrors(error: unknown): FieldKey[] {
  if (!isApiError(error) || error.code !== 'invalid_service_request') return [];
  const named = (error.problem.errors ?? []).map((e) => e.path.split(/[./]/).filter((s) => s && s !== 'body')[0]);
  return FIELDS.filter((field) => named.includes(field));
}

/** The sentence for a failed service request call: a status race in our words, else the shared wording. */
export function serviceErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.code === 'invalid_transition') return t('service.errors.invalid_transition');
  const fields = serviceFieldErrors(error);
  if (fields.length > 0) return fields.map((f) => t(`service.errors.${f}`)).join(t('common.listSeparator'));
  return errorText(error, t);
}

/** Puts the translated reasons under the form's fields that have them. */
export function applyServiceFieldErrors(form: FormInstance, error: unknown, t: TFunction): void {
  const registered = new Set(Object.keys(form.getFieldsValue()));
  form.setFields(
    serviceFieldErrors(error)
      .filter((field) => registered.has(field))
      .map((field) => ({ name: field, errors: [t(`service.errors.${field}`)] })),
  );
}
