import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { type TDealDetail, useSaveMilestone, useSaveTask } from '../deals.api.ts';

export type PlanItemKind = 'milestone' | 'task';

interface PlanItemValues {
  name: string;
  department?: string;
  dueDate?: string;
  personId?: string | null;
}

/** Adds a milestone (with its owner) or a task for another department (with its assignee). */
export function PlanItemModal({ deal, kind, onClose }: { deal: TDealDetail; kind: PlanItemKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanItemValues>();
  const saveMilestone = useSaveMilestone(deal);
  const saveTask = useSaveTask(deal);
  const showError = useShowError();

  useEffect(() => {
    if (kind) form.resetFields();
  }, [kind, form]);

  const onFinish = (v: PlanItemValues) => {
    const handlers = {
      onSuccess: () => {
        void message.success(t('deals.plan.added'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    const dueDate = v.dueDate || null;
    if (kind === 'milestone') saveMilestone.mutate({ name: v.name.trim(), dueDate, ownerId: v.personId ?? null }, handlers);
    else
      saveTask.mutate({ title: v.name.trim(), department: (v.department ?? '').trim(), dueDate, assigneeId: v.personId ?? null }, handlers);
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open={kind !== null}
      title={kind === 'task' ? t('deals.plan.addTask') : t('deals.plan.addMilestone')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saveMilestone.isPending || saveTask.isPending}
      forceRender
    >
      <Form<PlanItemValues> name="planItem" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="name" label={kind === 'task' ? t('deals.plan.taskTitle') : t('deals.plan.milestoneName')} rules={[required]}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        {kind === 'task' && (
          <Form.Item name="department" label={t('deals.plan.department')} rules={[required]}>
            <Input maxLength={100} placeholder={t('deals.plan.departmentHint')} />
          </Form.Item>
        )}
        <Form.Item name="dueDate" label={t('deals.plan.dueDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="personId" label={kind === 'task' ? t('deals.plan.assignee') : t('deals.plan.owner')}>
          <UserSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
