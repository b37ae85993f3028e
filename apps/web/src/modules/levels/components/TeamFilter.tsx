import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';

/**
 * "All teams / one team" for the evaluation board and the commission statements: a manager picks among the teams
 * they manage, directors and admins among all; hidden when there is no choice (a rep, a manager of one team).
 */
export function TeamFilter({ value, onChange }: { value: string | undefined; onChange: (teamId: string | undefined) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const teams = useTeamOptions();
  if (user.role === 'rep') return null;
  const options = teams.teams
    .filter((team) => user.role !== 'manager' || team.managerId === user.id)
    .map((team) => ({ value: team.id, label: team.name }));
  if (options.length <= 1) return null;
  return (
    <Select<string>
      allowClear
      placeholder={t('levelEvaluation.allTeams')}
      aria-label={t('levelEvaluation.team')}
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: isPhone ? '100%' : 200 }}
    />
  );
}
