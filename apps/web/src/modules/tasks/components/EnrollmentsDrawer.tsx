import type { TFollowUpPlan, TPlanEnrollment } from '@tierline/contracts';
import { Alert, App, Button, Col, Drawer, Flex, Form, Popconfirm, Row, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { CustomerSelect } from '../../customers/components/CustomerSelect.tsx';
import { useCustomersById } from '../../customers/customers.api.ts';
import { ENROLLMENT_COLORS, useEnroll, useEnrollments, useStopEnrollment } from '../plans.api.ts';
import { useDealsById } from '../tasks.api.ts';
import { DealSelect } from './DealSelect.tsx';
import { useTaskError } from './useTaskError.ts';

/** 参与记录: who follows a plan, how far they are, and why they stopped; enroll one by hand, or stop one. */
export function EnrollmentsDrawer({ plan, onClose }: { plan: TFollowUpPlan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={Boolean(plan)}
      onClose={onClose}
      title={plan ? t('followUpPlans.drawer.title', { name: plan.name }) : ''}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
    >
      {plan && <Enrollments plan={plan} />}
    </Drawer>
  );
}

function Enrollments({ plan }: { plan: TFollowUpPlan }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useTaskError();
  const list = useEnrollments(plan.id);
  const enroll = useEnroll(plan.id);
  const stop = useStopEnrollment(plan.id);
  const [picked, setPicked] = useState<string | null>(null);
  const customers = useCustomersById(list.rows.map((e) => e.customerId));
  const deals = useDealsById(list.rows.map((e) => e.dealId));

  const onEnroll = () => {
    if (!picked) return;
    enroll.mutate(plan.target === 'customer' ? { customerId: picked } : { dealId: picked }, {
      onSuccess: () => {
        void message.success(t('followUpPlans.drawer.enrolled'));
        setPicked(null);
      },
      onError: (error) => showError(error),
    });
  };

  const columns: TableProps<TPlanEnrollment>['columns'] = [
    {
      key: 'record',
      title: t('followUpPlans.drawer.record'),
      render: (_, e) =>
        e.customerId ? (
          <Link to={`/customers/${e.customerId}`}>{customers.get(e.customerId)?.name ?? '…'}</Link>
        ) : e.dealId ? (
          <Link to={`/deals/${e.dealId}`}>{deals.get(e.dealId)?.name ?? '…'}</Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      title: t('followUpPlans.drawer.status'),
      render: (_, e) => (
        <Flex vertical gap={2}>
          <Tag color={ENROLLMENT_COLORS[e.status]} style={{ width: 'fit-content' }}>
            {t(`followUpPlans.statuses.${e.status}`)}
          </Tag>
          {e.stopReason && <Typography.Text type="secondary">{t(`followUpPlans.stopReasons.${e.stopReason}`)}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'next',
      title: t('followUpPlans.drawer.nextStep'),
      render: (_, e) => {
        const step = e.status === 'active' ? plan.steps[e.nextStep] : undefined;
        if (!step || !e.nextStepAt) return <Typography.Text type="secondary">{t('followUpPlans.drawer.noNextStep')}</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            <span>{step.title}</span>
            <Typography.Text type="secondary">{formatDateTime(e.nextStepAt, i18n.language)}</Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'startedAt',
      title: t('followUpPlans.drawer.startedAt'),
      dataIndex: 'startedAt',
      responsive: ['md'],
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, e) =>
        e.status === 'active' && (
          <Popconfirm
            title={t('followUpPlans.drawer.stopConfirm')}
            okText={t('followUpPlans.drawer.stopOk')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              stop
                .mutateAsync(e.id)
                .then(() => void message.success(t('followUpPlans.drawer.stopped')))
                .catch((error) => showError(error))
            }
          >
            <Button size="small" danger>
              {t('followUpPlans.drawer.stop')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      {plan.active ? (
        <Form layout="vertical" data-testid="enroll-form">
          <Row gutter={8} align="bottom" wrap={false}>
            <Col flex="auto" style={{ minWidth: 0 }}>
              <Form.Item
                label={plan.target === 'customer' ? t('followUpPlans.drawer.pickCustomer') : t('followUpPlans.drawer.pickDeal')}
                htmlFor="enroll-record"
              >
                {plan.target === 'customer' ? (
                  <CustomerSelect id="enroll-record" value={picked} onChange={setPicked} placeholder={t('tasks.placeholders.customer')} />
                ) : (
                  <DealSelect id="enroll-record" value={picked} onChange={setPicked} placeholder={t('tasks.placeholders.deal')} />
                )}
              </Form.Item>
            </Col>
            <Col>
              <Form.Item>
                <Button type="primary" disabled={!picked} loading={enroll.isPending} onClick={onEnroll}>
                  {t('followUpPlans.drawer.enroll')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : (
        <Alert type="info" showIcon title={t('followUpPlans.drawer.inactiveHint')} style={{ marginBottom: 16 }} />
      )}
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={list.refetch} />
      ) : (
        <>
          <Table<TPlanEnrollment>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.rows}
            loading={list.isPending}
            pagination={false}
            locale={{ emptyText: t('followUpPlans.drawer.empty') }}
          />
          <LoadMore
            count={list.rows.length}
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
          />
        </>
      )}
    </>
  );
}
