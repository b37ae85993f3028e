import { ArrowRightOutlined } from '@ant-design/icons';
import type { TCustomer, TTierChange } from '@tierline/contracts';
import { Card, Col, Empty, Flex, Row, Spin, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { canSetTier } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { explanationText } from '../tierExplain.ts';
import { useTierHistory } from '../tiers.api.ts';
import { SetTierForm } from './SetTierForm.tsx';
import { TierTag } from './TierTag.tsx';

/** The reasons the server itself writes (a new customer's first tier), said in the UI language. */
function systemReason(reason: string, t: TFunction): string | null {
  if (reason === 'initial tier: the lowest, until tier rules run') return t('tiers.history.initialLowest');
  if (reason === 'initial tier set at creation') return t('tiers.history.initialSet');
  return null;
}

/** Every change of the customer's tier, newest first, each with why; managers set it by hand here. */
export function TierHistoryTab({ customer }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const history = useTierHistory(customer.id);
  const actors = useUsersById(history.rows.map((change) => change.actorId));

  const item = (change: TTierChange) => ({
    key: change.id,
    color: change.source === 'manual' ? 'orange' : 'blue',
    content: (
      <div data-testid="tier-change">
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {formatDateTime(change.effectiveAt, i18n.language)}
        </Typography.Text>
        <Flex align="center" gap={6} wrap style={{ marginBottom: 4 }}>
          {change.fromTierId ? <TierTag tierId={change.fromTierId} /> : <Tag>{t('tiers.history.initial')}</Tag>}
          <ArrowRightOutlined />
          <TierTag tierId={change.toTierId} />
          <Tag color={change.source === 'manual' ? 'orange' : 'geekblue'}>
            {change.source === 'manual' ? t('tiers.history.manual') : t('tiers.history.rule', { version: change.ruleVersion ?? '?' })}
          </Tag>
        </Flex>
        {change.explanation &&
          explanationText(change.explanation, t, i18n.language).map((line) => (
            <Typography.Text key={line} type="secondary" style={{ display: 'block' }}>
              {line}
            </Typography.Text>
          ))}
        {change.reason && (
          <Typography.Text style={{ display: 'block' }}>
            {t('tiers.history.reasonLine', { reason: systemReason(change.reason, t) ?? change.reason })}
          </Typography.Text>
        )}
        {change.actorId && (
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('tiers.history.by', { name: actors.get(change.actorId)?.name ?? '…' })}
          </Typography.Text>
        )}
      </div>
    ),
  });

  let body: React.ReactNode;
  if (history.isPending) body = <Spin style={{ display: 'block', margin: 32 }} />;
  else if (history.isError && !history.data) body = <LoadError error={history.error} onRetry={history.refetch} />;
  else if (!history.rows.length) body = <Empty description={t('tiers.history.empty')} />;
  else
    body = (
      <>
        <Timeline items={history.rows.map(item)} />
        <LoadMore
          count={history.rows.length}
          hasNextPage={history.hasNextPage}
          isFetchingNextPage={history.isFetchingNextPage}
          fetchNextPage={history.fetchNextPage}
        />
      </>
    );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={canSetTier(user.role) ? 15 : 24}>
        {body}
      </Col>
      {canSetTier(user.role) && (
        <Col xs={24} lg={9}>
          <Card size="small" title={t('tiers.set.title')}>
            <SetTierForm customer={customer} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
