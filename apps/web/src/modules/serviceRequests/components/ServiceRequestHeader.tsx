import { ArrowLeftOutlined, CheckOutlined, MessageOutlined, RedoOutlined, StarFilled } from '@ant-design/icons';
import type { TServiceRequest } from '@tierline/contracts';
import { App, Button, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canWrite } from '../../../shared/roles.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useNow } from '../../notifications/useNow.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { serviceErrorText } from '../serviceErrors.ts';
import { PRIORITY_COLORS, STATUS_COLORS, useServiceAction } from '../serviceRequests.api.ts';
import { availableActions, isEditable } from '../sla.ts';
import { ResolveModal } from './ResolveModal.tsx';
import { ServiceRequestFormModal } from './ServiceRequestFormModal.tsx';
import { SlaText } from './SlaText.tsx';

/** The request's title, status and SLA at a glance, with what may be done next. */
export function ServiceRequestHeader({ request: r }: { request: TServiceRequest }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const now = useNow();
  const act = useServiceAction();
  const [editing, setEditing] = useState(false);
  const [resolving, setResolving] = useState(false);
  // The server decides exactly who may act (403 for a read-only share); a viewer gets no buttons at all.
  const writer = canWrite(user.role);
  const actions = writer ? availableActions(r.status) : [];

  const run = (action: 'answer' | 'reopen', done: string) =>
    act.mutate(
      { id: r.id, action },
      { onSuccess: () => void message.success(done), onError: (error) => void message.error(serviceErrorText(error, t)) },
    );
  const confirm = (action: 'answer' | 'reopen') =>
    modal.confirm({
      title: action === 'answer' ? t('service.answerConfirm') : t('service.reopenConfirm'),
      okText: t(`service.actions.${action}`),
      cancelText: t('common.cancel'),
      onOk: () => run(action, action === 'answer' ? t('service.answeredDone') : t('service.reopenedDone')),
    });

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
            {t('common.back')}
          </Button>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="service-title">
              {r.title}
            </Typography.Title>
            <Tag color={STATUS_COLORS[r.status]} data-testid="service-status">
              {t(`service.statuses.${r.status}`)}
            </Tag>
            {r.priority !== 'normal' && <Tag color={PRIORITY_COLORS[r.priority]}>{t(`service.priorities.${r.priority}`)}</Tag>}
            {r.highlight && (
              <Tag color="gold" icon={<StarFilled />} data-testid="highlight-tag">
                {t('service.highlight')}
              </Tag>
            )}
          </Flex>
          <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
            <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
            <TierTag tierId={r.tierId} />
            <SlaText request={r} now={now} />
          </Flex>
        </div>
        <Space wrap>
          {actions.includes('answer') && (
            <Button type="primary" icon={<MessageOutlined />} loading={act.isPending} onClick={() => confirm('answer')}>
              {t('service.actions.answer')}
            </Button>
          )}
          {actions.includes('resolve') && (
            <Button type={actions.includes('answer') ? 'default' : 'primary'} icon={<CheckOutlined />} onClick={() => setResolving(true)}>
              {t('service.actions.resolve')}
            </Button>
          )}
          {actions.includes('reopen') && (
            <Button icon={<RedoOutlined />} loading={act.isPending} onClick={() => confirm('reopen')}>
              {t('service.actions.reopen')}
            </Button>
          )}
          {writer && isEditable(r.status) && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
        </Space>
      </Flex>
      <ServiceRequestFormModal open={editing} request={r} onClose={() => setEditing(false)} />
      <ResolveModal request={resolving ? r : null} onClose={() => setResolving(false)} />
    </>
  );
}
