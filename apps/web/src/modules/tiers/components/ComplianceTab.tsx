import { CheckCircleFilled, MinusCircleFilled, WarningFilled } from '@ant-design/icons';
import type { TComplianceCheck, TComplianceStatus, TCustomer } from '@tierline/contracts';
import { Card, Col, Descriptions, Flex, Row, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, levelName } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useLevels } from '../../levels/levels.api.ts';
import { PoolEventList } from '../../pool/components/PoolEventList.tsx';
import { useCustomerCompliance, useTierPolicies } from '../tiers.api.ts';

const STATUS_TAG: Record<TComplianceStatus, { color: string; icon: ReactNode }> = {
  met: { color: 'success', icon: <CheckCircleFilled /> },
  breached: { color: 'error', icon: <WarningFilled /> },
  not_applicable: { color: 'default', icon: <MinusCircleFilled /> },
};

/** The customer against its tier's service policy: each check with the figures it was decided on. */
export function ComplianceTab({ customer }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const compliance = useCustomerCompliance(customer.id);
  const { byTier } = useTierPolicies();
  const { byId: levels } = useLevels();
  const lng = i18n.language;
  const level = (id: string | null) => {
    const found = id ? levels.get(id) : undefined;
    return found ? levelName(found, lng) : t('compliance.anyLevel');
  };

  if (compliance.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (compliance.isError) return <LoadError error={compliance.error} onRetry={compliance.refetch} />;
  const c = compliance.data;
  const policy = byTier.get(c.tierId);

  const figures = (check: TComplianceCheck): string => {
    switch (check.check) {
      case 'followUpCadence':
        return check.daysSinceContact === null
          ? t('compliance.cadenceNever', { cadence: check.cadenceDays })
          : t('compliance.cadenceFigures', {
              days: check.daysSinceContact,
              cadence: check.cadenceDays,
              from: t(`compliance.countedFrom.${check.countedFrom ?? 'lastContact'}`),
              since: formatDateTime(check.since, lng),
            });
      case 'ownerLevel':
        return check.ownerId === null
          ? t('compliance.noOwner')
          : t('compliance.levelFigures', { owner: level(check.ownerLevelId), min: level(check.minLevelId) });
      case 'accountTeam':
        return t(check.required ? 'compliance.teamRequired' : 'compliance.teamOptional', { members: check.members });
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Flex vertical gap={8} data-testid="compliance-checks">
          {c.checks.map((check) => (
            <Card key={check.check} size="small">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{t(`compliance.checks.${check.check}`)}</Typography.Text>
                <Tag color={STATUS_TAG[check.status].color} icon={STATUS_TAG[check.status].icon}>
                  {t(`compliance.status.${check.status}`)}
                </Tag>
              </Flex>
              <Typography.Text type="secondary">{figures(check)}</Typography.Text>
            </Card>
          ))}
        </Flex>
        {c.pool && (
          <Card size="small" title={t('compliance.poolTitle')} style={{ marginTop: 16 }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('compliance.poolSchedule', {
                warnAt: formatDateTime(c.pool.warnAt, lng),
                reclaimAt: formatDateTime(c.pool.reclaimAt, lng),
                days: c.pool.reclaimDays,
              })}
            </Typography.Paragraph>
          </Card>
        )}
      </Col>
      <Col xs={24} lg={10}>
        {policy && (
          <Card size="small" title={t('compliance.policyTitle')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'cadence',
                  label: t('compliance.policy.cadence'),
                  children: t('compliance.policy.days', { days: policy.cadenceDays }),
                },
                { key: 'level', label: t('compliance.policy.minLevel'), children: level(policy.minLevelId) },
                {
                  key: 'sla',
                  label: t('compliance.policy.sla'),
                  children: t('compliance.policy.hours', { hours: policy.responseSlaHours }),
                },
                { key: 'discount', label: t('compliance.policy.discount'), children: `${policy.maxDiscountPct}%` },
                {
                  key: 'team',
                  label: t('compliance.policy.team'),
                  children: policy.accountTeamRequired ? t('common.yes') : t('common.no'),
                },
                {
                  key: 'reclaim',
                  label: t('compliance.policy.reclaim'),
                  children:
                    policy.poolReclaimDays === null
                      ? t('compliance.policy.never')
                      : t('compliance.policy.days', { days: policy.poolReclaimDays }),
                },
              ]}
            />
          </Card>
        )}
        <Card size="small" title={t('pool.eventsTitle')} style={{ marginTop: 16 }}>
          <PoolEventList customerId={customer.id} />
        </Card>
      </Col>
    </Row>
  );
}
