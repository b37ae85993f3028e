import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { contractsZh } from '../../app/i18n/zh-CN/contracts.ts';
import { isApiError } from '../../shared/api.ts';
import { applyFieldErrors, errorText, isStaleVersion } from '../../shared/errors.ts';

type ContractCode = keyof typeof contractsZh.contracts.errors;
type ApprovalCode = keyof typeof contractsZh.approvals.errors;

const isContractCode = (code: string): code is ContractCode => Object.hasOwn(contractsZh.contracts.errors, code);
const isApprovalCode = (code: string): code is ApprovalCode => Object.hasOwn(contractsZh.approvals.errors, code);

/**
 * A failed contract or approval call in the UI language. The contracts module's rule codes have
 * their words here (the shared table in errors.ts is not this module's); anything else falls back
 * to the shared wording.
 */
export function contractErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error) && !isStaleVersion(error)) {
    if (isContractCode(error.code)) return t(`contracts.errors.${error.code}`);
    if (isApprovalCode(error.code)) return t(`approvals.errors.${error.code}`);
  }
  return errorText(error, t);
}

/** A toast in the module's words, plus the server's per-field messages under the form's fields. */
export function useContractError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && isApiError(error)) applyFieldErrors(form, error, t);
      void message.error(contractErrorText(error, t));
    },
    [message, t],
  );
}
