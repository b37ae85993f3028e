import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { useContractError } from '../contractErrors.ts';
import type { ContractAction } from '../contractMath.ts';
import { type TContractDetail, useChangeContractStatus, useDeleteContract } from '../contracts.api.ts';

/**
 * Status changes with a confirmation first. Activating a contract whose amount is above the owner's
 * limit is refused by the server (approval_required); the user is then offered to submit it for
 * approval, rather than being told to find another button.
 */
export function useContractStatusFlow(contract: TContractDetail) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const showError = useContractError();
  const change = useChangeContractStatus();
  const remove = useDeleteContract();
  const number = contract.number;

  const apply = (status: ContractAction) =>
    change.mutateAsync({ contract, status }).then(
      (after) => void message.success(t('contracts.statusChanged', { status: t(`contracts.statuses.${after.status}`) })),
      (error) => {
        if (status === 'active' && isApiError(error, 422) && error.code === 'approval_required') {
          modal.confirm({
            title: t('contracts.needsApproval.title'),
            content: t('contracts.needsApproval.text'),
            okText: t('contracts.needsApproval.submit'),
            cancelText: t('common.cancel'),
            onOk: () => apply('pending_approval'),
          });
          return;
        }
        showError(error);
      },
    );

  const requestStatus = (status: ContractAction) =>
    modal.confirm({
      title: t(`contracts.actions.${status}`),
      content: t(`contracts.confirm.${status}`, { number }),
      okText: t(`contracts.actions.${status}`),
      okButtonProps: { danger: status === 'cancelled' },
      cancelText: t('common.cancel'),
      onOk: () => apply(status),
    });

  const requestDelete = () =>
    modal.confirm({
      title: t('contracts.actions.delete'),
      content: t('contracts.confirm.delete', { number }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(contract).then(
          () => {
            void message.success(t('contracts.deleted'));
            navigate('/contracts', { replace: true });
          },
          (error) => showError(error),
        ),
    });

  return { requestStatus, requestDelete, busy: change.isPending || remove.isPending };
}
