import { PlusOutlined } from '@ant-design/icons';
import type { TRole, TUser } from '@tierline/contracts';
import { Badge, Button, Card, Flex, Input, Popconfirm, Select, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { ROLE_COLORS, ROLES } from '../../../shared/roles.ts';
import { RepProfileDrawer } from '../../levels/components/RepProfileDrawer.tsx';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { PasswordResetModal } from '../components/PasswordResetModal.tsx';
import { UserFormModal } from '../components/UserFormModal.tsx';
import { type TPasswordResetTicket, type UserFilters, useCreatePasswordReset, useUserList } from '../users.api.ts';

/** 系统管理 → 用户: who may sign in, with which role, team and level. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const [filters, setFilters] = useState<UserFilters>({});
  const list = useUserList(filters);
  const teams = useTeamOptions();
  const levels = useLevels();
  const passwordReset = useCreatePasswordReset();
  // undefined: modal closed; null: creating; a user: editing that user.
  const [editing, setEditing] = useState<TUser | null | undefined>(undefined);
  const [resetResult, setResetResult] = useState<{ userName: string; ticket: TPasswordResetTicket } | null>(null);
  const [profileOf, setProfileOf] = useState<string | null>(null);

  const resetPassword = (user: TUser) =>
    passwordReset.mutate(user.id, {
      onSuccess: (ticket) => setResetResult({ userName: user.name, ticket }),
      onError: (error) => showError(error),
    });

  const columns: TableProps<TUser>['columns'] = [
    { key: 'name', title: t('users.name'), dataIndex: 'name' },
    { key: 'email', title: t('users.email'), dataIndex: 'email' },
    {
      key: 'role',
      title: t('users.role'),
      dataIndex: 'role',
      render: (role: TRole) => <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>,
    },
    {
      key: 'team',
      title: t('users.team'),
      dataIndex: 'teamId',
      render: (teamId: string | null) => (teamId ? (teams.byId.get(teamId)?.name ?? '…') : '—'),
    },
    {
      key: 'level',
      title: t('users.level'),
      dataIndex: 'levelId',
      render: (levelId: string | null) => {
        const level = levelId ? levels.byId.get(levelId) : undefined;
        return level ? levelName(level, i18n.language) : '—';
      },
    },
    {
      key: 'active',
      title: t('users.active'),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Badge status={active ? 'success' : 'default'} text={active ? t('common.active') : t('common.inactive')} />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          {/* Whoever sells carries a level, a capacity and a level history; the others have no sales profile. */}
          {(user.role === 'rep' || user.levelId) && (
            <Button type="link" size="small" onClick={() => setProfileOf(user.id)} data-testid="user-profile">
              {t('levelEvaluation.profile.open')}
            </Button>
          )}
          <Popconfirm
            title={t('users.resetPassword')}
            description={<div style={{ maxWidth: 280 }}>{t('users.resetConfirm', { name: user.name })}</div>}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => resetPassword(user)}
          >
            <Button type="link" size="small">
              {t('users.resetPassword')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space wrap>
            <ExportButton list="users" filters={{ ...filters, sort: 'name' }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('users.create')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Select<TRole>
            allowClear
            placeholder={t('users.allRoles')}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role }))}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            style={{ width: 160 }}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('users.allTeams')}
            value={filters.teamId}
            onChange={(teamId) => setFilters((f) => ({ ...f, teamId }))}
            options={teams.teams.map((team) => ({ value: team.id, label: team.name }))}
            style={{ width: 180 }}
          />
        </Flex>
        <CursorTable<TUser> list={list} columns={columns} />
      </Card>
      <UserFormModal open={editing !== undefined} user={editing ?? null} onClose={() => setEditing(undefined)} />
      <PasswordResetModal result={resetResult} onClose={() => setResetResult(null)} />
      <RepProfileDrawer userId={profileOf} onClose={() => setProfileOf(null)} />
    </>
  );
}
