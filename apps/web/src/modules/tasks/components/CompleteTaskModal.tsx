import type { TTask, TTaskCompletionActivity } from '@tierline/contracts';
import { App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, OUTCOMES, type TContactKind, type TOutcome, useCompleteTask } from '../tasks.api.ts';
import { useShownTask } from './useShownTask.ts';
import { useTaskError } from './useTaskError.ts';

interface Values {
  log: boolean;
  kind: TContactKind;
  subject: string;
  outcome?: TOutcome | null;
  notes?: string;
}

/**
 * 完成任务: closes the task and, if asked, logs the follow-up in the same step (the server does both in
 * one transaction, so the customer's last contact and its cadence task move with it).
 */
export function CompleteTaskModal({ task, onClose }: { task: TTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const complete = useCompleteTask();
  const showError = useTaskError();
  const shown = useShownTask(task);
  const log = Form.useWatch('log', form);
  // The activity lands on the task's customer (a deal's customer) or lead; with none there is nowhere to log it.
  const loggable = Boolean(shown && (shown.customerId || shown.dealId || shown.leadId));

  useEffect(() => {
    if (!task) return;
    form.resetFields();
    form.setFieldsValue({ log: loggable, kind: task.activityKind ?? 'call', subject: task.title, outcome: null, notes: '' });
  }, [task, form, loggable]);

  const onFinish = (v: Values) => {
    if (!shown) return;
    const activity: TTaskCompletionActivity | undefined = v.log
      ? { kind: v.kind, subject: v.subject.trim(), outcome: v.outcome ?? null, notes: v.notes?.trim() || null }
      : undefined;
    complete.mutate(
      { task: shown, activity },
      {
        onSuccess: () => {
          void message.success(activity ? t('tasks.complete.doneLogged') : t('tasks.complete.done'));
          onClose();
        },
        onError: (error) => showError(error, form, 'activity'),
      },
    );
  };

  return (
    <Modal
      open={Boolean(task)}
      title={t('tasks.complete.title')}
      okText={t('tasks.complete.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={complete.isPending}
      forceRender
    >
      <Typography.Paragraph strong>{shown?.title}</Typography.Paragraph>
      <Form<Values> form={form} name="complete-task" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="log"
          valuePropName="checked"
          extra={loggable ? t('tasks.complete.logHint') : t('tasks.complete.noRecord')}
          style={{ marginBottom: 12 }}
        >
          <Checkbox disabled={!loggable}>{t('tasks.complete.logActivity')}</Checkbox>
        </Form.Item>
        {log && (
          <>
            <Form.Item name="kind" label={t('tasks.fields.kind')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="subject"
              label={t('tasks.complete.subject')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="outcome" label={t('tasks.complete.outcome')}>
              <Select allowClear options={OUTCOMES.map((o) => ({ value: o, label: t(`tasks.outcomes.${o}`) }))} />
            </Form.Item>
            <Form.Item name="notes" label={t('tasks.complete.notes')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
