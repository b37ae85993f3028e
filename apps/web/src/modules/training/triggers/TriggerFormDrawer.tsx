import type { TKpi, TTrainingTrigger } from '@tierline/contracts';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { boardStages, localName, usePipelines } from '../../deals/deals.api.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { KPI_LIST, kpiLabel, targetInputProps } from '../../performance/kpis.ts';
import { PERIOD_KINDS } from '../../performance/periods.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useCourseOptions } from '../plans/plans.api.ts';
import {
  isRateMetric,
  METRIC_KINDS,
  NEW_TRIGGER,
  PROCESS_TYPES,
  ruleText,
  type TriggerFormValues,
  toTriggerWrite,
  triggerToForm,
  usesSample,
} from './triggerRules.ts';
import { useCreateTrigger, useUpdateTrigger } from './triggers.api.ts';

interface TriggerFormDrawerProps {
  open: boolean;
  /** null: a new trigger. */
  trigger: TTrainingTrigger | null;
  onClose: () => void;
}

/**
 * Writes an outcome trigger: what it watches (a KPI, a pipeline type's win rate, a stage's conversion), the threshold
 * it fires below, over which period and sample, the course it enrols in, and whom it applies to.
 */
export function TriggerFormDrawer({ open, trigger, onClose }: TriggerFormDrawerProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<TriggerFormValues>();
  const showError = useShowError();
  const courses = useCourseOptions();
  const pipelines = usePipelines();
  const teams = useTeamOptions();
  const levels = useLevels();
  const create = useCreateTrigger();
  const update = useUpdateTrigger();
  const metricKind = Form.useWatch('metricKind', form);
  const kpi = Form.useWatch('kpi', form);
  const rate = isRateMetric({ kind: metricKind ?? 'winRate', kpi });
  const sample = usesSample({ kind: metricKind ?? 'winRate', kpi });

  const submit = async (values: TriggerFormValues) => {
    const body = toTriggerWrite(values);
    if (!body) return;
    try {
      if (trigger) await update.mutateAsync({ id: trigger.id, ...body, version: trigger.version });
      else await create.mutateAsync(body);
      void message.success(t(trigger ? 'trainingPlans.triggers.form.updated' : 'trainingPlans.triggers.form.created'));
      onClose();
    } catch (error) {
      showError(error, form);
    }
  };

  const required = (label: string) => [{ required: true, message: t('trainingPlans.form.required', { field: label }) }];
  // Conversion is measured out of a stage into a later one: only open stages have a "later".
  const stageOptions = pipelines.pipelines.map((p) => ({
    label: localName(p, i18n.language),
    options: boardStages(p)
      .filter((s) => s.kind === 'open')
      .map((s) => ({ value: s.id, label: `${localName(p, i18n.language)} · ${localName(s, i18n.language)}` })),
  }));
  const stageName = (id: string) => {
    const stage = pipelines.stageById.get(id);
    return stage ? localName(stage, i18n.language) : undefined;
  };
  const thresholdProps = rate
    ? { min: 0, max: 100, step: 1, precision: 2, suffix: '%' }
    : kpi
      ? targetInputProps(kpi as TKpi)
      : { min: 0, step: 1, precision: 2 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 600}
      title={t(trigger ? 'trainingPlans.triggers.form.editTitle' : 'trainingPlans.triggers.form.createTitle')}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="trigger-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {/* Destroyed when hidden: each opening starts from these values. */}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={trigger ? triggerToForm(trigger) : NEW_TRIGGER}
        data-testid="trigger-form"
      >
        <Form.Item name="name" label={t('trainingPlans.triggers.fields.name')} rules={required(t('trainingPlans.triggers.fields.name'))}>
          <Input maxLength={200} placeholder={t('trainingPlans.triggers.form.namePlaceholder')} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="metricKind" label={t('trainingPlans.triggers.fields.metric')} style={{ flex: '1 1 180px' }}>
            <Select options={METRIC_KINDS.map((k) => ({ value: k, label: t(`trainingPlans.triggers.metricKinds.${k}`) }))} />
          </Form.Item>
          {metricKind === 'winRate' && (
            <Form.Item
              name="processType"
              label={t('trainingPlans.triggers.fields.processType')}
              rules={required(t('trainingPlans.triggers.fields.processType'))}
              style={{ flex: '1 1 180px' }}
            >
              <Select options={PROCESS_TYPES.map((p) => ({ value: p, label: t(`trainingPlans.triggers.processTypes.${p}`) }))} />
            </Form.Item>
          )}
          {metricKind === 'stageConversion' && (
            <Form.Item
              name="stageId"
              label={t('trainingPlans.triggers.fields.stage')}
              rules={required(t('trainingPlans.triggers.fields.stage'))}
              style={{ flex: '1 1 240px' }}
            >
              <Select options={stageOptions} loading={pipelines.isPending} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          )}
          {metricKind === 'kpi' && (
            <Form.Item
              name="kpi"
              label={t('trainingPlans.goal.kpi')}
              rules={required(t('trainingPlans.goal.kpi'))}
              style={{ flex: '1 1 180px' }}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={KPI_LIST.map((k) => ({ value: k, label: kpiLabel(k, t) }))} />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="threshold"
            label={t('trainingPlans.triggers.fields.threshold')}
            extra={t('trainingPlans.triggers.form.thresholdHelp')}
            rules={required(t('trainingPlans.triggers.fields.threshold'))}
            style={{ flex: '1 1 160px' }}
          >
            <InputNumber {...thresholdProps} style={{ width: '100%' }} data-testid="trigger-threshold" />
          </Form.Item>
          <Form.Item name="periodKind" label={t('trainingPlans.triggers.fields.periodKind')} style={{ flex: '0 0 120px' }}>
            <Select options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`trainingPlans.periodKinds.${k}`) }))} />
          </Form.Item>
          {sample && (
            <Form.Item
              name="minSample"
              label={t('trainingPlans.triggers.fields.minSample')}
              extra={t('trainingPlans.triggers.form.minSampleHelp')}
              style={{ flex: '0 0 140px' }}
            >
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="courseId"
            label={t('trainingPlans.triggers.fields.course')}
            rules={required(t('trainingPlans.triggers.fields.course'))}
            style={{ flex: '1 1 260px' }}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={courses.courses.map((c) => ({ value: c.id, label: c.title }))}
              loading={courses.isPending}
            />
          </Form.Item>
          <Form.Item
            name="dueDays"
            label={t('trainingPlans.triggers.fields.dueDays')}
            extra={t('trainingPlans.triggers.form.dueDaysHelp')}
            style={{ flex: '0 0 180px' }}
          >
            <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="teamIds" label={t('trainingPlans.triggers.fields.teams')} extra={t('trainingPlans.triggers.form.everyoneHelp')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('trainingPlans.triggers.allTeams')}
            options={teams.teams.map((team) => ({ value: team.id, label: team.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="levelIds" label={t('trainingPlans.triggers.fields.levels')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('trainingPlans.triggers.allLevels')}
            options={levels.levels.map((l) => ({ value: l.id, label: levelName(l, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('trainingPlans.triggers.fields.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => {
            const values = form.getFieldsValue();
            const body = toTriggerWrite(values);
            if (!body) return null;
            const names = { stage: (id: string) => stageName(id) };
            return (
              <Typography.Paragraph type="secondary" data-testid="trigger-preview" style={{ margin: 0 }}>
                {t('trainingPlans.triggers.form.preview', {
                  rule: ruleText(body, names, t, i18n.language),
                  course: courses.byId.get(body.courseId)?.title ?? '…',
                })}
              </Typography.Paragraph>
            );
          }}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
