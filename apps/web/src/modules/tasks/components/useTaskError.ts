import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { errorText } from '../../../shared/errors.ts';
import { fieldErrors, taskErrorCode } from '../taskErrors.ts';

/**
 * Tells the user why a task or plan call failed: our own words for the codes of this module, the
 * shared wording otherwise; the server's field errors go under the form's fields (list fields too,
 * e.g. steps.2.dayOffset), with `strip` dropping a prefix the form does not have.
 */
export function useTaskError(): (error: unknown, form?: FormInstance, strip?: string) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, strip?: string) => {
      const code = isApiError(error) ? taskErrorCode(error.code) : null;
      if (form && isApiError(error)) {
        const has = (name: (string | number)[]) => form.getFieldInstance(name) !== undefined || form.getFieldValue(name) !== undefined;
        form.setFields(fieldErrors(error.problem.errors, has, strip));
      }
      void message.error(code ? t(`tasks.errors.${code}`) : errorText(error, t));
    },
    [message, t],
  );
}
