import type { TTask } from '@tierline/contracts';
import { App } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateTask } from '../tasks.api.ts';
import { CompleteTaskModal } from './CompleteTaskModal.tsx';
import { RescheduleModal } from './RescheduleModal.tsx';
import { TaskFormModal } from './TaskFormModal.tsx';
import { useTaskError } from './useTaskError.ts';

export interface TaskActions {
  /** Opens the new-task dialog. */
  create: () => void;
  complete: (task: TTask) => void;
  edit: (task: TTask) => void;
  reschedule: (task: TTask) => void;
  cancel: (task: TTask) => void;
}

type Open = { kind: 'complete' | 'edit' | 'reschedule'; task: TTask } | { kind: 'create' } | null;

/**
 * What can be done with a task (and creating one), with the dialogs that do it, for any page listing
 * tasks (my day, the calendar's day list). Render `modals` once on the page.
 */
export function useTaskActions(): { actions: TaskActions; modals: ReactNode } {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const update = useUpdateTask();
  const showError = useTaskError();
  const [open, setOpen] = useState<Open>(null);

  const actions = useMemo<TaskActions>(
    () => ({
      create: () => setOpen({ kind: 'create' }),
      complete: (task) => setOpen({ kind: 'complete', task }),
      edit: (task) => setOpen({ kind: 'edit', task }),
      reschedule: (task) => setOpen({ kind: 'reschedule', task }),
      // Cancelled, not deleted: cadence and plan tasks can only be cancelled, and a cancelled manual
      // task keeps its trace in the audit log and the calendar's history alike.
      cancel: (task) =>
        void modal.confirm({
          title: t('tasks.cancelConfirm', { title: task.title }),
          okText: t('tasks.cancelOk'),
          okButtonProps: { danger: true },
          cancelText: t('tasks.keep'),
          onOk: () =>
            update
              .mutateAsync({ id: task.id, version: task.version, status: 'cancelled' })
              .then(() => void message.success(t('tasks.cancelled')))
              .catch((error) => showError(error)),
        }),
    }),
    [modal, message, t, update, showError],
  );

  const close = () => setOpen(null);
  const modals = (
    <>
      <CompleteTaskModal task={open?.kind === 'complete' ? open.task : null} onClose={close} />
      <RescheduleModal task={open?.kind === 'reschedule' ? open.task : null} onClose={close} />
      {/* One task dialog for creating and editing: two would render two forms with the same field ids. */}
      <TaskFormModal
        open={open?.kind === 'edit' || open?.kind === 'create'}
        task={open?.kind === 'edit' ? open.task : null}
        onClose={close}
      />
    </>
  );
  return { actions, modals };
}
