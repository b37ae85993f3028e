import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { DirectorDashboard } from '../components/DirectorDashboard.tsx';
import { Greeting } from '../components/Greeting.tsx';
import { ManagerDashboard } from '../components/ManagerDashboard.tsx';
import { RepDashboard } from '../components/RepDashboard.tsx';
import { useOwnsDeals, useRepDashboard } from '../dashboard.api.ts';
import { type DashboardView, dashboardViews, shownView } from '../dashboardViews.ts';

type UrlState = { view?: string; teamId?: string; repId?: string };

/**
 * 工作台: the role dashboard (issue 9 item 1) under a compact greeting. A rep sees theirs; a manager the team's (and
 * their own when they sell); a director, an admin or a viewer the organisation's and any team's. The view, the team and
 * a rep opened from a team figure are in the URL, so Back and shared links land on the same dashboard.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const ownsDeals = useOwnsDeals(user.id, user.role === 'manager');
  const views = dashboardViews(user.role, ownsDeals);
  const view = shownView(views, url.view, url.repId);
  const switcher =
    views.length > 1 && !url.repId ? (
      <Segmented<DashboardView>
        value={view}
        onChange={(next) => setUrl({ view: next === views[0] ? undefined : next })}
        options={views.map((v) => ({ value: v, label: t(`dashboard.views.${v}`) }))}
        data-testid="dashboard-view"
      />
    ) : null;
  return (
    <>
      <Greeting extra={switcher} />
      {url.repId && <OtherRep repId={url.repId} onBack={() => setUrl({ repId: undefined })} />}
      {view === 'rep' && <RepDashboard key={url.repId ?? 'me'} repId={url.repId} />}
      {view === 'manager' && <TeamDashboard teamId={url.teamId} onTeam={(teamId) => setUrl({ teamId })} />}
      {view === 'director' && <DirectorDashboard />}
    </>
  );
}

/** Whose dashboard this is, when it is not one's own, with the way back to the team's. */
function OtherRep({ repId, onBack }: { repId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const name = useRepDashboard(repId).data?.rep.name;
  return (
    <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} size="small">
        {t('dashboard.backToMine')}
      </Button>
      {name && <Typography.Text strong>{t('dashboard.viewing', { name })}</Typography.Text>}
    </Flex>
  );
}

/**
 * The team picker over the manager dashboard: a manager's own teams (all of them together by default), or for a
 * director, an admin or a viewer any team (the first by default: their dashboard names one).
 */
function TeamDashboard({ teamId, onTeam }: { teamId?: string; onTeam: (teamId: string | undefined) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { teams, isLoading } = useTeamOptions();
  const isManager = user.role === 'manager';
  const choices = isManager ? teams.filter((team) => team.managerId === user.id) : teams;
  const chosen = choices.find((team) => team.id === teamId)?.id ?? (isManager ? undefined : choices[0]?.id);
  if (!isLoading && !isManager && !choices.length) return <Empty description={t('dashboard.noTeams')} />;
  const options = [
    ...(isManager && choices.length > 1 ? [{ value: '', label: t('dashboard.allMyTeams') }] : []),
    ...choices.map((team) => ({ value: team.id, label: team.name })),
  ];
  return (
    <>
      {(choices.length > 1 || !isManager) && (
        <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('dashboard.team')}</Typography.Text>
          <Select
            value={chosen ?? ''}
            onChange={(value) => onTeam(value || undefined)}
            options={options}
            loading={isLoading}
            style={{ minWidth: 180, maxWidth: '100%' }}
            data-testid="dashboard-team"
          />
        </Flex>
      )}
      <ManagerDashboard teamId={chosen} enabled={isManager || Boolean(chosen)} />
    </>
  );
}
