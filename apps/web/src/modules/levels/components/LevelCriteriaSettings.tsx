import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TKpi } from '@tierline/contracts';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { KPI_LIST, kpiLabel, targetInputProps } from '../../performance/kpis.ts';
import { fromStepValues, newStep, type StepValues, stepProblems, toStepValues } from '../criteriaDraft.ts';
import { useLevelCriteria, useLevels, useReplaceLevelCriteria } from '../levels.api.ts';

interface FormValues {
  steps: StepValues[];
}

/**
 * 晋级标准: the steps of the ladder (from → to, over how many consecutive periods, the grade, KPI minimums,
 * months at the level). While the organisation has saved none, the built-in steps show as 默认规则.
 */
export function LevelCriteriaSettings() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const criteria = useLevelCriteria();
  const { levels } = useLevels();
  const replace = useReplaceLevelCriteria();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState(new Map<number, string>());

  useEffect(() => {
    if (criteria.data) form.setFieldsValue({ steps: toStepValues(criteria.data.steps) });
  }, [criteria.data, form]);

  if (criteria.isError) return <LoadError error={criteria.error} onRetry={criteria.refetch} />;
  const bands = [...(criteria.data?.gradeBands ?? [])].sort((a, b) => b.min - a.min);
  const levelOptions = [...levels].sort((a, b) => a.rank - b.rank).map((l) => ({ value: l.id, label: levelName(l, i18n.language) }));
  const gradeOptions = bands.map((b) => ({ value: b.grade, label: b.grade }));
  const kpiOptions = KPI_LIST.map((kpi) => ({ value: kpi, label: kpiLabel(kpi, t) }));

  const onFinish = ({ steps }: FormValues) => {
    const draft = fromStepValues(steps ?? []);
    const found = stepProblems(draft, levels);
    setProblems(new Map([...found].map(([i, p]) => [i, t(`levelEvaluation.criteria.problems.${p}`)])));
    if (found.size > 0) return;
    replace.mutate(draft, {
      onSuccess: () => void message.success(t('levelEvaluation.criteria.saved')),
      onError: (error) => showError(error),
    });
  };

  return (
    <Flex vertical gap={16} data-testid="level-criteria">
      {criteria.data?.isDefault && (
        <Alert
          type="info"
          showIcon
          title={t('levelEvaluation.criteria.defaultTitle')}
          description={t('levelEvaluation.criteria.defaultText')}
        />
      )}
      {bands.length > 0 && (
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary">{t('levelEvaluation.criteria.gradeBands')}</Typography.Text>
          {bands.map((b) => (
            <Tag key={b.grade} style={{ marginInlineEnd: 0 }}>
              {b.min > 0 ? `${b.grade} ≥ ${b.min}` : b.grade}
            </Tag>
          ))}
        </Flex>
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setProblems(new Map())}
        disabled={criteria.isPending}
        requiredMark={false}
      >
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid="criteria-step"
                  title={<StepTitle index={index} />}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('levelEvaluation.criteria.remove')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  {problems.get(index) && <Alert type="error" showIcon title={problems.get(index)} style={{ marginBottom: 12 }} />}
                  <Row gutter={12}>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'direction']} label={t('levelEvaluation.criteria.direction')}>
                        <Select
                          options={(['promote', 'demote'] as const).map((d) => ({ value: d, label: t(`levelEvaluation.directions.${d}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item
                        name={[field.name, 'fromLevelId']}
                        label={t('levelEvaluation.criteria.from')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <Select options={levelOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item
                        name={[field.name, 'toLevelId']}
                        label={t('levelEvaluation.criteria.to')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <Select options={levelOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[field.name, 'periodKind']} label={t('levelEvaluation.criteria.periodKind')}>
                        <Select
                          options={(['month', 'quarter', 'year'] as const).map((k) => ({
                            value: k,
                            label: t(`levelEvaluation.periodKinds.${k}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[field.name, 'consecutivePeriods']}
                        label={t('levelEvaluation.criteria.consecutive')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <StepGrade name={field.name} options={gradeOptions} />
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[field.name, 'minMonthsAtLevel']}
                        label={t('levelEvaluation.criteria.minMonths')}
                        tooltip={t('levelEvaluation.criteria.minMonthsHint')}
                      >
                        <InputNumber
                          min={0}
                          max={240}
                          precision={0}
                          style={{ width: '100%' }}
                          placeholder={t('levelEvaluation.criteria.none')}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <KpiMinimums name={field.name} kpiOptions={kpiOptions} />
                </Card>
              ))}
              <Space wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add(newStep((form.getFieldValue('steps') as StepValues[] | undefined) ?? [], levels))}
                >
                  {t('levelEvaluation.criteria.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={replace.isPending} data-testid="criteria-save">
                  {t('common.save')}
                </Button>
              </Space>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Flex>
  );
}

/** "晋升：初级 → 中级", from the step's current values. */
function StepTitle({ index }: { index: number }) {
  const { t, i18n } = useTranslation();
  const { byId } = useLevels();
  const form = Form.useFormInstance<FormValues>();
  const step = Form.useWatch(['steps', index], form) as StepValues | undefined;
  const name = (id?: string) => {
    const level = id ? byId.get(id) : undefined;
    return level ? levelName(level, i18n.language) : '?';
  };
  if (!step) return null;
  return (
    <span style={{ whiteSpace: 'normal' }}>
      {t(`levelEvaluation.stepTitle.${step.direction}`, { from: name(step.fromLevelId), to: name(step.toLevelId) })}
    </span>
  );
}

/** The grade asked of every period: at least it for a promotion, at most it for a demotion. */
function StepGrade({ name, options }: { name: number; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const direction = Form.useWatch(['steps', name, 'direction']) as StepValues['direction'] | undefined;
  return (
    <Form.Item
      name={[name, 'grade']}
      label={direction === 'demote' ? t('levelEvaluation.criteria.gradeAtMost') : t('levelEvaluation.criteria.gradeAtLeast')}
    >
      <Select allowClear options={options} placeholder={t('levelEvaluation.criteria.none')} />
    </Form.Item>
  );
}

function KpiMinimums({ name, kpiOptions }: { name: number; kpiOptions: { value: TKpi; label: string }[] }) {
  const { t } = useTranslation();
  const rows = (Form.useWatch(['steps', name, 'kpiMinimums']) as { kpi?: TKpi }[] | undefined) ?? [];
  // A promotion asks for at least the minimum in every period; a demotion is triggered below it in every period.
  const demote = (Form.useWatch(['steps', name, 'direction']) as StepValues['direction'] | undefined) === 'demote';
  return (
    <Form.List name={[name, 'kpiMinimums']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            {demote ? t('levelEvaluation.criteria.kpiFloors') : t('levelEvaluation.criteria.kpiMinimums')}
          </Typography.Text>
          {fields.map((field, i) => {
            const kpi = rows[i]?.kpi;
            const props = kpi ? targetInputProps(kpi) : { min: 0, step: 1, precision: 2 };
            return (
              // On a phone the KPI takes its own line, the minimum the next one.
              <Flex key={field.key} gap={8} align="center" wrap style={{ maxWidth: 480 }}>
                <Form.Item name={[field.name, 'kpi']} noStyle>
                  <Select
                    options={kpiOptions}
                    style={{ flex: '1 1 200px', minWidth: 160 }}
                    aria-label={t('levelEvaluation.criteria.kpi')}
                  />
                </Form.Item>
                <Flex gap={8} align="center">
                  <Typography.Text>{demote ? '<' : '≥'}</Typography.Text>
                  <Form.Item name={[field.name, 'min']} noStyle>
                    <InputNumber<number>
                      min={props.min}
                      max={props.max}
                      step={props.step}
                      precision={props.precision}
                      suffix={props.suffix}
                      style={{ width: 150 }}
                      aria-label={t('levelEvaluation.criteria.min')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('levelEvaluation.criteria.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              </Flex>
            );
          })}
          <div>
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ kpi: undefined, min: null })}>
              {t('levelEvaluation.criteria.addKpi')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
