import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TeamFilter } from '../../levels/components/TeamFilter.tsx';
import { COACH_ROLES } from '../access.ts';
import { AssignCourseModal } from '../team/AssignCourseModal.tsx';
import { ComplianceGrid } from '../team/ComplianceGrid.tsx';
import { RequiredMark, StateTag } from '../team/ComplianceStateTag.tsx';
import { ComplianceSummaryCards } from '../team/ComplianceSummaryCards.tsx';
import { COMPLIANCE_STATES, complianceSummary } from '../team/complianceGrid.ts';
import { useTeamCompliance } from '../team/team.api.ts';

/**
 * 团队培训合规 (managers, directors, admins, viewers): every rep in scope against their level's required courses and
 * what was assigned to them, the figures that matter on top; those who coach assign courses from here.
 */
export function TeamCompliancePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<{ teamId?: string }>();
  const [assigning, setAssigning] = useState(false);
  const compliance = useTeamCompliance(url.teamId);
  const summary = useMemo(() => (compliance.data ? complianceSummary(compliance.data) : null), [compliance.data]);
  const mayAssign = COACH_ROLES.includes(user.role);

  return (
    <>
      <PageHeader
        title={t('trainingTeam.compliance.title')}
        extra={
          <Flex gap={8} wrap>
            <TeamFilter value={url.teamId} onChange={(teamId) => setUrl({ teamId })} />
            {mayAssign && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)} data-testid="assign-course">
                {t('trainingTeam.compliance.assign.button')}
              </Button>
            )}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('trainingTeam.compliance.intro')}</Typography.Paragraph>
      {compliance.isError && !compliance.data ? (
        <LoadError error={compliance.error} onRetry={compliance.refetch} />
      ) : !compliance.data || !summary ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <ComplianceSummaryCards summary={summary} />
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <Flex gap={8} wrap align="center" style={{ padding: '8px 12px' }} data-testid="compliance-legend">
              <Typography.Text type="secondary">{t('trainingTeam.compliance.legend')}</Typography.Text>
              {COMPLIANCE_STATES.map((state) => (
                <StateTag key={state} state={state} />
              ))}
              <Flex gap={4} align="center">
                <RequiredMark />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('trainingTeam.compliance.required')}
                </Typography.Text>
              </Flex>
            </Flex>
            {compliance.data.reps.length > 0 && compliance.data.courses.length === 0 && (
              <Typography.Paragraph type="secondary" style={{ padding: '0 12px' }}>
                {t('trainingTeam.compliance.noCourses')}
              </Typography.Paragraph>
            )}
            <ComplianceGrid data={compliance.data} loading={compliance.isFetching && compliance.isPlaceholderData} />
          </Card>
        </Flex>
      )}
      {mayAssign && <AssignCourseModal open={assigning} onClose={() => setAssigning(false)} teamId={url.teamId} />}
    </>
  );
}
