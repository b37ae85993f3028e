import type { TTask } from '@tierline/contracts';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDateTimeIn, fromLocalInput, reschedulePresets, toLocalInput } from '../taskDates.ts';
import { useUpdateTask } from '../tasks.api.ts';
import { useShownTask } from './useShownTask.ts';
import { useTaskError } from './useTaskError.ts';

/** 改期: moves a task's due time, with one-click choices for the usual cases. Not offered for cadence tasks. */
export function RescheduleModal({ task, onClose }: { task: TTask | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateTask();
  const showError = useTaskError();
  const shown = useShownTask(task);
  const timeZone = browserTimeZone();
  const [value, setValue] = useState('');
  const presets = useMemo(() => (task ? reschedulePresets(new Date(), timeZone) : []), [task, timeZone]);

  useEffect(() => {
    if (task) setValue(toLocalInput(task.dueAt, timeZone));
  }, [task, timeZone]);

  const save = (at: Date | null) => {
    if (!shown || !at) return;
    update.mutate(
      { id: shown.id, version: shown.version, dueAt: at.toISOString() },
      {
        onSuccess: () => {
          void message.success(t('tasks.reschedule.done', { date: formatDateTimeIn(at, i18n.language, timeZone) }));
          onClose();
        },
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <Modal
      open={Boolean(task)}
      title={t('tasks.reschedule.title', { title: shown?.title ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => save(fromLocalInput(value, timeZone))}
      okButtonProps={{ disabled: !fromLocalInput(value, timeZone) }}
      onCancel={onClose}
      confirmLoading={update.isPending}
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {presets.map((p) => (
          <Button key={p.key} onClick={() => save(p.at)} disabled={update.isPending}>
            {t(`tasks.reschedule.presets.${p.key}`)}
          </Button>
        ))}
      </Flex>
      <Form layout="vertical">
        <Form.Item label={t('tasks.reschedule.newDue')} htmlFor="reschedule-due">
          <Input id="reschedule-due" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
