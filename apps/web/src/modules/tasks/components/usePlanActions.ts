import type { TFollowUpPlan } from '@tierline/contracts';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useDeletePlan, useUpdatePlan } from '../plans.api.ts';
import { useTaskError } from './useTaskError.ts';

/** Switching a plan on or off and deleting it, each with the confirmation it deserves. */
export function usePlanActions() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const update = useUpdatePlan();
  const remove = useDeletePlan();
  const showError = useTaskError();

  const setActive = (plan: TFollowUpPlan, active: boolean) => {
    const save = () =>
      update
        .mutateAsync({ id: plan.id, version: plan.version, active })
        .then(() => void message.success(active ? t('followUpPlans.activated') : t('followUpPlans.deactivated')))
        .catch((error) => showError(error));
    // Deactivating stops every active enrollment and cancels its open tasks: worth a second look.
    if (active || plan.enrollmentCounts.active === 0) return void save();
    void modal.confirm({
      title: t('followUpPlans.deactivateConfirm', { name: plan.name, n: plan.enrollmentCounts.active }),
      okText: t('followUpPlans.deactivateOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: save,
    });
  };

  const confirmDelete = (plan: TFollowUpPlan) =>
    void modal.confirm({
      title: t('followUpPlans.deleteConfirm', { name: plan.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(plan)
          .then(() => void message.success(t('followUpPlans.deleted')))
          .catch((error) => {
            if (!(isApiError(error) && error.code === 'plan_in_use')) return showError(error);
            // Its enrollments are history worth keeping: say so, and offer what the server suggests.
            void modal.confirm({
              title: t('tasks.errors.plan_in_use'),
              okText: t('followUpPlans.deactivateInstead'),
              cancelText: t('common.close'),
              okButtonProps: { disabled: !plan.active },
              // Deactivating asks again when enrollments are running: they stop, and their open tasks are cancelled.
              onOk: () => setActive(plan, false),
            });
          }),
    });

  return { setActive, confirmDelete };
}
