import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useRepSearch } from './plans.api.ts';

interface RepPickerProps {
  value?: string;
  onChange?: (repId: string | undefined) => void;
  /** The name of the rep already chosen (a saved plan's), shown before any search. */
  knownName?: { id: string; name: string };
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  testId?: string;
}

/**
 * An active rep, found by typing a name (the server searches). A manager is offered the reps of the teams they manage;
 * the server refuses anyone else anyway.
 */
export function RepPicker({ value, onChange, knownName, allowClear, placeholder, disabled, style, id, testId }: RepPickerProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const search = useRepSearch(q);
  const teams = useTeamOptions();
  const managed = useMemo(
    () => new Set(teams.teams.filter((team) => team.managerId === user.id).map((team) => team.id)),
    [teams.teams, user.id],
  );
  const options = new Map<string, string>();
  if (knownName) options.set(knownName.id, knownName.name);
  for (const rep of search.data?.data ?? []) {
    if (user.role === 'manager' && !(rep.teamId && managed.has(rep.teamId))) continue;
    options.set(rep.id, rep.name);
  }
  return (
    <Select<string>
      id={id}
      aria-label={t('trainingPlans.fields.rep')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={(next) => onChange?.(next || undefined)}
      allowClear={allowClear}
      placeholder={placeholder}
      disabled={disabled}
      loading={search.isFetching}
      options={[...options].map(([repId, label]) => ({ value: repId, label }))}
      style={style}
      data-testid={testId}
    />
  );
}
