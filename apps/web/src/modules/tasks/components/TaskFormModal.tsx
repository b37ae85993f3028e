import type { TTask } from '@tierline/contracts';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CustomerSelect } from '../../customers/components/CustomerSelect.tsx';
import { useCustomersById } from '../../customers/customers.api.ts';
import { browserTimeZone } from '../taskDates.ts';
import { createBody, editableFields, type TaskFormValues, toFormValues, updateBody } from '../taskForm.ts';
import { CONTACT_KINDS, PRIORITIES, useCreateTask, useDealsById, useUpdateTask } from '../tasks.api.ts';
import { AssigneeSelect } from './AssigneeSelect.tsx';
import { DealSelect } from './DealSelect.tsx';
import { useShownTask } from './useShownTask.ts';
import { useTaskError } from './useTaskError.ts';

interface TaskFormModalProps {
  open: boolean;
  /** The task to edit; without one the dialog creates a task. */
  task: TTask | null;
  onClose: () => void;
}

/** 新建任务 / 编辑任务. What a cadence or plan task fixes is shown, not offered for editing. */
export function TaskFormModal({ open, task, onClose }: TaskFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<TaskFormValues>();
  const create = useCreateTask();
  const update = useUpdateTask();
  const showError = useTaskError();
  const shown = useShownTask(open ? task : null);
  const editing = open ? task : shown;
  const timeZone = browserTimeZone();
  const can = editableFields(editing?.source ?? 'manual');
  // Reps keep their tasks (the brief: "reps themselves"); managers and above hand them out.
  const mayAssign = user.role !== 'rep';
  const customerId = Form.useWatch('customerId', form);
  const linkedCustomer = useCustomersById([editing && !can.links ? editing.customerId : null]);
  const linkedDeal = useDealsById([editing && !can.links ? editing.dealId : null]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(task, user.id, new Date(), timeZone));
  }, [open, task, form, user.id, timeZone]);

  const onFinish = (v: TaskFormValues) => {
    const onError = (error: unknown) => showError(error, form);
    if (editing) {
      const patch = updateBody(editing, v, timeZone);
      if (Object.keys(patch).length === 0) return onClose();
      update.mutate(
        { id: editing.id, version: editing.version, ...patch },
        {
          onSuccess: () => {
            void message.success(t('tasks.updated'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(createBody(v, timeZone, mayAssign), {
        onSuccess: () => {
          void message.success(t('tasks.created'));
          onClose();
        },
        onError,
      });
    }
  };

  const half = { xs: 24, sm: 12 };
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={editing ? t('tasks.editTitle') : t('tasks.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      forceRender
    >
      {editing && editing.source !== 'manual' && (
        <Alert
          type="info"
          showIcon
          title={editing.source === 'cadence' ? t('tasks.hints.cadenceFixed') : t('tasks.hints.planFixed')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<TaskFormValues>
        form={form}
        name="task"
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        // Another customer's deal would be refused: picking a customer clears the deal.
        onValuesChange={(changed) => {
          if ('customerId' in changed) form.setFieldValue('dealId', null);
        }}
      >
        <Form.Item name="title" label={t('tasks.fields.title')} rules={required}>
          <Input maxLength={200} placeholder={t('tasks.placeholders.title')} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="due" label={t('tasks.fields.due')} rules={required}>
              <Input type="datetime-local" disabled={!can.due} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="priority" label={t('tasks.fields.priority')}>
              <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="activityKind" label={t('tasks.fields.kind')}>
              <Select
                allowClear
                placeholder={t('tasks.placeholders.kind')}
                options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="assigneeId"
              label={t('tasks.fields.assignee')}
              extra={mayAssign ? undefined : t('tasks.hints.assigneeSelf')}
              hidden={!mayAssign}
            >
              <AssigneeSelect disabled={!can.assignee} />
            </Form.Item>
            {!mayAssign && (
              <Form.Item label={t('tasks.fields.assignee')}>
                <Typography.Text>{user.name}</Typography.Text>
              </Form.Item>
            )}
          </Col>
        </Row>
        {can.links ? (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="customerId" label={t('tasks.fields.customer')}>
                <CustomerSelect placeholder={t('tasks.placeholders.customer')} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="dealId" label={t('tasks.fields.deal')} extra={customerId ? undefined : t('tasks.hints.dealCustomer')}>
                <DealSelect placeholder={t('tasks.placeholders.deal')} customerId={customerId} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item label={`${t('tasks.fields.customer')} / ${t('tasks.fields.deal')}`}>
            {editing?.customerId && (
              <Link to={`/customers/${editing.customerId}`} style={{ marginRight: 12 }}>
                {linkedCustomer.get(editing.customerId)?.name ?? '…'}
              </Link>
            )}
            {editing?.dealId && <Link to={`/deals/${editing.dealId}`}>{linkedDeal.get(editing.dealId)?.name ?? '…'}</Link>}
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('tasks.fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
