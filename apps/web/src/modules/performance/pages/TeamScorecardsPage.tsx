import { Alert, Card, Drawer, Empty, Flex, Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { teamsInScope } from '../access.ts';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { ScorecardView } from '../components/ScorecardView.tsx';
import { TeamMembersTable } from '../components/TeamMembersTable.tsx';
import { type ScorecardQuery, useScorecard, useScorecardList } from '../performance.api.ts';
import { currentPeriod, isPeriod, periodLabel } from '../periods.ts';

type UrlState = { period?: string; teamId?: string; repId?: string };

/**
 * 团队业绩: a team's scorecard (quantitative only, targets of its own or its members'), then its members with their
 * totals and key KPIs; a member opens their own scorecard in a drawer, the same view as 我的业绩.
 */
export function TeamScorecardsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const period = isPeriod(url.period) ? url.period : currentPeriod('quarter');
  const teams = useTeamOptions();
  const scope = useMemo(() => teamsInScope(user.role, user.id, teams.teams, user.teamId), [user, teams.teams]);
  const teamId =
    url.teamId && scope.some((team) => team.id === url.teamId)
      ? url.teamId
      : (scope.find((team) => team.id === user.teamId)?.id ?? scope[0]?.id);
  const teamQuery: ScorecardQuery | null = teamId ? { period, teamId } : null;
  const teamCards = useScorecardList(teamQuery);
  const teamCard = { ...teamCards, data: teamCards.data?.[0] };
  const memberQuery: ScorecardQuery | null = url.repId ? { period, repId: url.repId } : null;
  const memberCard = useScorecard(memberQuery);
  // Not the previous member's card while the next one loads.
  const member = memberCard.isPlaceholderData ? undefined : memberCard.data;
  const memberName = teamCards.data?.find((card) => card.subject.kind === 'rep' && card.subject.id === url.repId)?.subject.name;

  return (
    <>
      <PageHeader
        title={t('performance.team.title')}
        extra={
          <Flex gap={8} wrap>
            <Select<string>
              aria-label={t('performance.team.pickTeam')}
              value={teamId}
              onChange={(id) => setUrl({ teamId: id })}
              loading={teams.isPending}
              options={scope.map((team) => ({ value: team.id, label: team.name }))}
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="team-select"
            />
            <PeriodPicker value={period} onChange={(p) => setUrl({ period: p })} />
          </Flex>
        }
      />
      {teams.isError ? (
        <LoadError error={teams.error} onRetry={teams.refetch} />
      ) : teams.isPending ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : !teamId || !teamQuery ? (
        <Card>
          <Empty description={t('performance.team.noTeams')} />
        </Card>
      ) : (
        <>
          {teamCard.isError && isApiError(teamCard.error, 404) ? (
            <Alert type="warning" showIcon title={t('performance.card.notFound')} />
          ) : teamCard.isError && !teamCard.data ? (
            <LoadError error={teamCard.error} onRetry={teamCard.refetch} />
          ) : !teamCard.data ? (
            <Spin style={{ display: 'block', margin: 48 }} />
          ) : (
            <Spin spinning={teamCard.isFetching && teamCard.isPlaceholderData}>
              <ScorecardView card={teamCard.data} query={teamQuery} onPickPeriod={(p) => setUrl({ period: p })} />
            </Spin>
          )}
          <Card title={t('performance.team.members')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
            <TeamMembersTable
              cards={teamCards.isPlaceholderData ? [] : (teamCards.data?.slice(1) ?? [])}
              loading={teamCards.isFetching}
              onOpen={(repId) => setUrl({ repId })}
            />
          </Card>
        </>
      )}
      <Drawer
        open={Boolean(url.repId)}
        onClose={() => setUrl({ repId: undefined })}
        size={isPhone ? '100%' : 1000}
        title={t('performance.team.memberCard', { name: memberName ?? member?.subject.name ?? '', period: periodLabel(period, t) })}
        destroyOnHidden
        data-testid="member-drawer"
      >
        {memberCard.isError && isApiError(memberCard.error, 404) ? (
          <Alert type="warning" showIcon title={t('performance.card.notFound')} />
        ) : memberCard.isError ? (
          <LoadError error={memberCard.error} onRetry={memberCard.refetch} />
        ) : !member || !memberQuery ? (
          <Spin style={{ display: 'block', margin: 48 }} />
        ) : (
          <ScorecardView card={member} query={memberQuery} onPickPeriod={(p) => setUrl({ period: p })} />
        )}
      </Drawer>
    </>
  );
}
