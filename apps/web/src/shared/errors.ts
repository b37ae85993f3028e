import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { zhCN } from '../app/i18n/zh-CN.ts';
import { type ApiError, isApiError } from './api.ts';

/** Problem codes we have our own words for (errors.codes.* in the i18n resources). */
type KnownCode = keyof typeof zhCN.errors.codes;

function isKnownCode(code: string): code is KnownCode {
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

/** "body.email", "/email" or "email" → "email": our forms are flat, so the first segment names the field. */
function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter((s) => s && s !== 'body');
  return segments[0] ?? '';
}

/** Puts the server's per-field messages under the matching form fields; returns whether any matched. */
export function applyFieldErrors(form: FormInstance, error: ApiError, t: TFunction): boolean {
  const registered = new Set(Object.keys(form.getFieldsValue()));
  // "email_taken" reads better in the UI language than the server's "already registered";
  // schema failures keep the server's precise English message ("at least 10 characters").
  const translated = error.code !== 'validation_failed' && isKnownCode(error.code) ? t(`errors.codes.${error.code}`) : null;
  const byField = new Map<string, string[]>();
  for (const { path, message } of error.problem.errors ?? []) {
    const name = fieldName(path);
    if (registered.has(name)) byField.set(name, [...(byField.get(name) ?? []), translated ?? message]);
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
      if (form && isApiError(error)) applyFieldErrors(form, error, t);
      void message.error(errorText(error, t));
    },
    [message, t],
  );
}
