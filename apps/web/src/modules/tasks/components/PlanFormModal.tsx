import type { TFollowUpPlan, TPlanStep } from '@tierline/contracts';
import { App, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { boardStages, localName, usePipelines } from '../../deals/deals.api.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { sortSteps } from '../planSteps.ts';
import { type TPlanTarget, useCreatePlan, useUpdatePlan } from '../plans.api.ts';
import { StepsEditor } from './StepsEditor.tsx';
import { useTaskError } from './useTaskError.ts';

interface PlanValues {
  name: string;
  target: TPlanTarget;
  tierId?: string | null;
  stageId?: string | null;
  steps: TPlanStep[];
  active: boolean;
}

interface PlanFormModalProps {
  open: boolean;
  /** The plan to edit; without one the dialog creates a plan. */
  plan: TFollowUpPlan | null;
  onClose: () => void;
}

const NEW_PLAN: Partial<PlanValues> = {
  target: 'customer',
  active: true,
  steps: [{ dayOffset: 0, kind: 'call', title: '' }],
};

/**
 * 新建 / 编辑跟进计划: a name, what it applies to (a customer tier or an open deal stage — fixed once
 * created), and its steps. Stage options are the open stages of each pipeline: a closed deal is never enrolled.
 */
export function PlanFormModal({ open, plan, onClose }: PlanFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const showError = useTaskError();
  const { tiers } = useTiers();
  const { pipelines } = usePipelines();
  const target = Form.useWatch('target', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      plan
        ? { name: plan.name, target: plan.target, tierId: plan.tierId, stageId: plan.stageId, steps: plan.steps, active: plan.active }
        : NEW_PLAN,
    );
  }, [open, plan, form]);

  const onFinish = (v: PlanValues) => {
    const steps = sortSteps(v.steps.map((s) => ({ dayOffset: s.dayOffset, kind: s.kind, title: s.title.trim() })));
    const done = (text: string) => () => {
      void message.success(text);
      onClose();
    };
    const onError = (error: unknown) => showError(error, form);
    if (plan) {
      update.mutate(
        { id: plan.id, version: plan.version, name: v.name.trim(), steps },
        { onSuccess: done(t('followUpPlans.updated')), onError },
      );
    } else {
      const targetRef = v.target === 'customer' ? { tierId: v.tierId } : { stageId: v.stageId };
      create.mutate(
        { name: v.name.trim(), target: v.target, ...targetRef, steps, active: v.active },
        { onSuccess: done(t('followUpPlans.created')), onError },
      );
    }
  };

  const stageOptions = pipelines.map((p) => ({
    label: localName(p, i18n.language),
    options: boardStages(p)
      .filter((s) => s.kind === 'open')
      .map((s) => ({ value: s.id, label: `${localName(p, i18n.language)} · ${localName(s, i18n.language)}` })),
  }));

  return (
    <Modal
      open={open}
      title={plan ? t('followUpPlans.editTitle') : t('followUpPlans.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      forceRender
    >
      <Form<PlanValues> form={form} name="plan" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('followUpPlans.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} placeholder={t('followUpPlans.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="target" label={t('followUpPlans.target')} extra={plan ? t('followUpPlans.targetFixed') : undefined}>
          <Radio.Group
            disabled={Boolean(plan)}
            optionType="button"
            options={(['customer', 'deal'] as const).map((v) => ({ value: v, label: t(`followUpPlans.targets.${v}`) }))}
          />
        </Form.Item>
        {target === 'deal' ? (
          <Form.Item name="stageId" label={t('followUpPlans.stage')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              disabled={Boolean(plan)}
              placeholder={t('followUpPlans.pickStage')}
              options={stageOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : (
          <Form.Item name="tierId" label={t('followUpPlans.tier')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              disabled={Boolean(plan)}
              placeholder={t('followUpPlans.pickTier')}
              options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, i18n.language) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('followUpPlans.steps')} required>
          <StepsEditor form={form} />
        </Form.Item>
        {!plan && (
          <Form.Item name="active" label={t('followUpPlans.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
