import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from './api.ts';

/** Codes of a 409 that mean "duplicate", not "stale version"; their detail says what clashed. */
const DUPLICATE_CODE = /duplicate|exists|taken|unique/i;

/** A stale write: someone saved the record after this form loaded it. */
export function isStaleVersion(error: ApiError): boolean {
  return error.status === 412 || (error.status === 409 && !DUPLICATE_CODE.test(error.code));
}

/** The sentence to show a user for a failed call, in their language where we know the case. */
export function errorText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unknown');
  if (error.status === 0) return t('errors.network');
  if (isStaleVersion(error)) return t('errors.conflict');
  // The server's detail names the rule that was broken; prefer it to our generic sentences.
  const { detail, title } = error.problem;
  if (detail) return detail;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  return title || t('errors.unknown');
}

/** "body.email", "/email" or "email" → "email": our forms are flat, so the first segment names the field. */
function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter((s) => s && s !== 'body');
  return segments[0] ?? '';
}

/** Puts the server's per-field messages under the matching form fields; returns whether any matched. */
export function applyFieldErrors(form: FormInstance, error: ApiError): boolean {
  const registered = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  for (const { path, message } of error.problem.errors ?? []) {
    const name = fieldName(path);
    if (registered.has(name)) byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

/**
 * Returns a handler that tells the user what went wrong: a toast with the problem's detail,
 * plus the field errors on the form when one is given.
 */
export function useShowError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && isApiError(error)) applyFieldErrors(form, error);
      void message.error(errorText(error, t));
    },
    [message, t],
  );
}
