import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { useTeamMembers } from '../tasks.api.ts';

interface AssigneeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
}

/**
 * Who a task goes to, offering whom the server lets the caller choose (decision 0020): directors and
 * admins anyone (searched), a manager the members of the teams they manage or belong to. Reps give
 * tasks to themselves, so the form shows them no picker.
 */
export function AssigneeSelect({ id, value, onChange, disabled }: AssigneeSelectProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { teams } = useTeamOptions();
  const manager = user.role === 'manager';
  const teamIds = manager
    ? [...teams.filter((team) => team.managerId === user.id).map((team) => team.id), ...(user.teamId ? [user.teamId] : [])]
    : [];
  const { members, isPending } = useTeamMembers(teamIds);

  if (!manager) return <UserSelect id={id} value={value} onChange={onChange} placeholder={t('tasks.placeholders.assignee')} />;
  const options = new Map(members.map((m) => [m.id, m.name]));
  if (!options.has(user.id)) options.set(user.id, user.name);
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      disabled={disabled}
      loading={isPending && teamIds.length > 0}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('tasks.placeholders.assignee')}
      options={[...options].map(([key, label]) => ({ value: key, label }))}
    />
  );
}
