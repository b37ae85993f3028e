import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { errorText, isStaleVersion } from '../../shared/errors.ts';
import { fieldErrorTargets, leadErrorCode } from './leadErrors.ts';

/** The sentence for a failed leads call: our words for the leads codes, the shared wording otherwise. */
export function leadErrorText(error: unknown, t: TFunction): string {
  const code = leadErrorCode(error);
  if (code && !(isApiError(error) && isStaleVersion(error))) return t(`leads.errors.${code}`);
  return errorText(error, t);
}

/**
 * Like the shared useShowError, for the leads forms: those have nested fields ("deal.amount",
 * "rules.0.value") that the shared helper, made for flat forms, would put on the wrong field.
 * `fields` lists the form's fields as the server names them ("rules.*.value" for a list).
 */
export function useShowLeadError(): (error: unknown, form?: FormInstance, fields?: readonly string[]) => void {
  const { message } = App.useApp();
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, fields: readonly string[] = []) => {
      if (form && isApiError(error)) {
        // Schema failures keep the server's precise message; rule failures read better in the UI language.
        const known = leadErrorCode(error) !== null || (error.code !== 'validation_failed' && i18n.exists(`errors.codes.${error.code}`));
        form.setFields(fieldErrorTargets(error.problem.errors, fields, known ? leadErrorText(error, t) : null));
      }
      void message.error(leadErrorText(error, t));
    },
    [message, t, i18n],
  );
}
