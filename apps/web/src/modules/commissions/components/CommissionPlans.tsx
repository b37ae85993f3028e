import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TLevel } from '@tierline/contracts';
import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useLevels } from '../../levels/levels.api.ts';
import { fromPlanValues, type PlanValues, toPlanValues } from '../commissionMath.ts';
import { type TCommissionPlan, useCommissionPlans, useSaveCommissionPlan } from '../commissions.api.ts';

/** 提成方案: one plan per level — a base rate on payments received, and accelerators above target attainment. */
export function CommissionPlans() {
  const { t } = useTranslation();
  const plans = useCommissionPlans();
  const { levels, isPending } = useLevels();
  if (plans.isError) return <LoadError error={plans.error} onRetry={plans.refetch} />;
  if (plans.isPending || isPending) return <Skeleton active />;
  const byLevel = new Map((plans.data?.data ?? []).map((p) => [p.levelId, p]));
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('commissions.plans.intro')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {[...levels]
          .sort((a, b) => a.rank - b.rank)
          .map((level) => (
            <Col key={level.id} xs={24} lg={12} xxl={8}>
              <PlanCard level={level} plan={byLevel.get(level.id)} />
            </Col>
          ))}
      </Row>
    </Flex>
  );
}

function PlanCard({ level, plan }: { level: TLevel; plan: TCommissionPlan | undefined }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveCommissionPlan();
  const [form] = Form.useForm<PlanValues>();

  useEffect(() => {
    form.setFieldsValue(toPlanValues(plan));
  }, [plan, form]);

  const onFinish = (values: PlanValues) =>
    save.mutate(
      { levelId: level.id, ...fromPlanValues(values), ...(plan ? { version: plan.version } : {}) },
      {
        onSuccess: () => void message.success(t('commissions.plans.saved', { level: levelName(level, i18n.language) })),
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Card
      size="small"
      title={levelName(level, i18n.language)}
      extra={!plan && <Tag>{t('commissions.plans.none')}</Tag>}
      data-testid="commission-plan"
      data-level={level.key}
    >
      <Form<PlanValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="baseRate"
          label={t('commissions.plans.baseRate')}
          extra={t('commissions.plans.baseRateHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber<number> min={0} max={100} step={0.5} suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Typography.Text type="secondary">{t('commissions.plans.accelerators')}</Typography.Text>
        <Form.List name="accelerators">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="center" wrap data-testid="commission-accelerator-row">
                  <span>{t('commissions.plans.whenAttainment')}</span>
                  <Form.Item name={[field.name, 'minAttainment']} noStyle>
                    <InputNumber<number>
                      min={0}
                      max={1000}
                      step={10}
                      suffix="%"
                      style={{ width: 110 }}
                      aria-label={t('commissions.plans.minAttainment')}
                    />
                  </Form.Item>
                  <span>{t('commissions.plans.rateIs')}</span>
                  <Form.Item name={[field.name, 'rate']} noStyle>
                    <InputNumber<number>
                      min={0}
                      max={100}
                      step={0.5}
                      suffix="%"
                      style={{ width: 110 }}
                      aria-label={t('commissions.plans.acceleratorRate')}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <div>
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ minAttainment: 120, rate: null })}>
                  {t('commissions.plans.addAccelerator')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
