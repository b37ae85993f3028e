import { Alert, App, Button, Card, Col, Flex, Row, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { LeadActivities } from '../../activities/components/LeadActivities.tsx';
import { LogActivityButton } from '../../activities/components/LogActivityButton.tsx';
import { AssignmentExplainPanel } from '../../assignment/components/AssignmentExplainPanel.tsx';
import { AutoAssignButton } from '../../assignment/components/AutoAssignButton.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { DuplicatesCard } from '../components/DuplicatesCard.tsx';
import { LeadDetailsCard } from '../components/LeadDetailsCard.tsx';
import { LeadHeader } from '../components/LeadHeader.tsx';
import { ScoreCard } from '../components/ScoreCard.tsx';
import { isLeadOpen, useLead, useSetLeadDeleted } from '../leads.api.ts';
import { useShowLeadError } from '../useLeadError.ts';

/** 线索详情: who the lead is, how it scores, what it duplicates; edit, merge and convert from here. */
export function LeadPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const lead = useLead(id);
  const setDeleted = useSetLeadDeleted();
  const showError = useShowLeadError();
  const isPhone = useIsPhone();

  if (lead.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (lead.isError) return isApiError(lead.error, 404) ? <NotFoundPage /> : <LoadError error={lead.error} onRetry={lead.refetch} />;
  const l = lead.data;
  const live = l.deletedAt === null;
  const banner = { showIcon: true, style: { marginBottom: 16 } } as const;

  return (
    <>
      <LeadHeader lead={l} />
      {/* A converted or merged lead takes no new activities: they go on what it became. */}
      {live && isLeadOpen(l) && (
        // Under the header's actions: at their right on a wide screen, at their left where they wrap on a phone.
        <Flex justify={isPhone ? 'flex-start' : 'flex-end'} wrap gap={8} style={{ marginTop: -4, marginBottom: 16 }}>
          <AutoAssignButton entity="lead" id={l.id} />
          <LogActivityButton leadId={l.id} />
        </Flex>
      )}
      {!live && (
        <Alert
          {...banner}
          type="warning"
          title={t('leads.deletedBanner')}
          action={
            canWrite(user.role) && (
              <Button
                size="small"
                loading={setDeleted.isPending}
                onClick={() =>
                  setDeleted.mutate(
                    { lead: l, deleted: false },
                    { onSuccess: () => void message.success(t('leads.restored')), onError: (e) => showError(e) },
                  )
                }
              >
                {t('leads.restore')}
              </Button>
            )
          }
        />
      )}
      {l.status === 'merged' && l.mergedIntoId && (
        <Alert
          {...banner}
          type="info"
          title={t('leads.mergedBanner')}
          action={<Link to={`/leads/${l.mergedIntoId}`}>{t('leads.openKept')}</Link>}
          data-testid="merged-banner"
        />
      )}
      {l.status === 'converted' && (
        <Alert
          {...banner}
          type="success"
          title={t('leads.convert.banner', { date: formatDateTime(l.convertedAt, i18n.language) })}
          action={
            <Space wrap>
              {l.convertedCustomerId && <Link to={`/customers/${l.convertedCustomerId}`}>{t('leads.convert.openCustomer')}</Link>}
              {l.convertedDealId && <Link to={`/deals/${l.convertedDealId}`}>{t('leads.convert.openDeal')}</Link>}
            </Space>
          }
          data-testid="converted-banner"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <LeadDetailsCard lead={l} />
            <LeadActivities leadId={l.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <ScoreCard lead={l} />
            <DuplicatesCard lead={l} editable={canWrite(user.role) && live} />
            <Card size="small" title={t('assignment.explain.tab')}>
              <AssignmentExplainPanel entity="lead" id={l.id} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
