import { useQuery } from '@tanstack/react-query';
import type { TUser } from '@tierline/contracts';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { teamsInScope } from '../access.ts';

interface RepSelectProps {
  /** null: the signed-in user themselves. */
  value: string | null;
  onChange: (repId: string | null) => void;
  style?: React.CSSProperties;
}

/**
 * 查看销售: a rep in the caller's scope, found by typing a name (the server searches). A manager is offered the reps
 * of the teams they manage; the server answers 404 for anyone else anyway.
 */
export function RepSelect({ value, onChange, style }: RepSelectProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const teams = useTeamOptions();
  const scopeTeams = useMemo(
    () => new Set(teamsInScope(user.role, user.id, teams.teams, user.teamId).map((team) => team.id)),
    [user, teams.teams],
  );
  const search = useQuery({
    queryKey: ['performance', 'rep-search', q],
    queryFn: ({ signal }) => api.get<Page<TUser>>('/users', { q, role: 'rep', active: 'true', limit: 50, sort: 'name' }, signal),
    placeholderData: (previous) => previous,
  });
  const selected = useUsersById([value]);
  const options = new Map<string, string>();
  options.set('', t('performance.card.me'));
  for (const rep of selected.values()) options.set(rep.id, rep.name);
  for (const rep of search.data?.data ?? []) {
    if (user.role === 'manager' && !(rep.teamId && scopeTeams.has(rep.teamId))) continue;
    if (rep.id !== user.id) options.set(rep.id, rep.name);
  }
  return (
    <Select<string>
      aria-label={t('performance.card.pickRep')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? ''}
      onChange={(id) => onChange(id || null)}
      loading={search.isFetching}
      options={[...options].map(([id, label]) => ({ value: id, label }))}
      style={{ width: 180, ...style }}
      data-testid="rep-select"
    />
  );
}
