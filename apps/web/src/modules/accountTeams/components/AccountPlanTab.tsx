import type { TAccountPlan, TAccountPlanPut, TCustomer } from '@tierline/contracts';
import { Alert, App, Button, Col, Form, Input, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { isStaleVersion, useShowError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useAccountPlan, useSaveAccountPlan } from '../accountTeams.api.ts';

const SECTIONS = ['objectives', 'opportunities', 'risks', 'nextSteps'] as const;
type PlanValues = Omit<TAccountPlanPut, 'version'>;

const toValues = (plan: TAccountPlan): PlanValues => ({
  objectives: plan.objectives,
  opportunities: plan.opportunities,
  risks: plan.risks,
  nextSteps: plan.nextSteps,
});

/** The key-account plan: objectives, opportunities, risks and next steps, saved with the version it was based on. */
export function AccountPlanTab({ customer }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const plan = useAccountPlan(customer.id);
  const save = useSaveAccountPlan(customer.id);
  const showError = useShowError();
  const [form] = Form.useForm<PlanValues>();
  const [stale, setStale] = useState(false);
  const writer = canWrite(user.role) && customer.deletedAt === null;

  useEffect(() => {
    if (plan.data) form.setFieldsValue(toValues(plan.data));
  }, [plan.data, form]);

  const onFinish = (values: PlanValues) => {
    if (!plan.data) return;
    save.mutate(
      { ...values, version: plan.data.version },
      {
        onSuccess: () => void message.success(t('accountPlan.saved')),
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) setStale(true);
          showError(error, form);
        },
      },
    );
  };

  const reload = async () => {
    const fresh = await plan.refetch();
    if (fresh.data) form.setFieldsValue(toValues(fresh.data));
    setStale(false);
  };

  if (plan.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (plan.isError) return <LoadError error={plan.error} onRetry={plan.refetch} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {plan.data.version === 0
          ? t('accountPlan.none')
          : t('accountPlan.lastSaved', { at: formatDateTime(plan.data.updatedAt, i18n.language), version: plan.data.version })}
      </Typography.Paragraph>
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('errors.conflict')}
          action={
            <Button size="small" onClick={() => reload().catch(showError)}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<PlanValues> name="accountPlan" form={form} layout="vertical" onFinish={onFinish} disabled={!writer}>
        <Row gutter={16}>
          {SECTIONS.map((section) => (
            <Col key={section} xs={24} md={12}>
              <Form.Item name={section} label={t(`accountPlan.${section}`)}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10_000} placeholder={t(`accountPlan.${section}Hint`)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {writer && (
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={stale}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </>
  );
}
