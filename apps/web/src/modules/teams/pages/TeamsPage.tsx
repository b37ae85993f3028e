import { PlusOutlined } from '@ant-design/icons';
import type { TTeam } from '@tierline/contracts';
import { Button, Card, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { TeamFormModal } from '../components/TeamFormModal.tsx';
import { useTeamList } from '../teams.api.ts';

/** 系统管理 → 团队: sales teams with their region and manager. */
export function TeamsPage() {
  const { t } = useTranslation();
  const list = useTeamList();
  const managers = useUsersById(list.rows.map((team) => team.managerId));
  // undefined: modal closed; null: creating; a team: editing that team.
  const [editing, setEditing] = useState<TTeam | null | undefined>(undefined);

  const columns: TableProps<TTeam>['columns'] = [
    { key: 'name', title: t('teams.name'), dataIndex: 'name' },
    { key: 'region', title: t('teams.region'), dataIndex: 'region', render: (region: string | null) => region || '—' },
    {
      key: 'manager',
      title: t('teams.manager'),
      dataIndex: 'managerId',
      render: (managerId: string | null) => (managerId ? (managers.get(managerId)?.name ?? '…') : '—'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, team) => (
        <Button type="link" size="small" onClick={() => setEditing(team)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('teams.create')}
          </Button>
        }
      />
      <Card>
        <CursorTable<TTeam> list={list} columns={columns} />
      </Card>
      <TeamFormModal open={editing !== undefined} team={editing ?? null} onClose={() => setEditing(undefined)} />
    </>
  );
}
