import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from './api.ts';
import { errorText, isKnownCode } from './errorText.ts';

export { errorText, isStaleVersion } from './errorText.ts';

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
