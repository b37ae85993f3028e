import type { TAccountTeamMember, TCustomer } from '@tierline/contracts';
import { App, Button, Card, Flex, Form, Popconfirm, Select, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import {
  ACCOUNT_TEAM_ACCESS,
  ACCOUNT_TEAM_ROLES,
  type TAccountTeamAccess,
  type TAccountTeamRole,
  useAccountTeam,
  usePutTeamMember,
  useRemoveTeamMember,
} from '../accountTeams.api.ts';

interface AddMemberValues {
  userId: string;
  role: TAccountTeamRole;
  access: TAccountTeamAccess;
}

/** The people working a key account with its owner: each with a role, and read or write access. */
export function AccountTeamTab({ customer }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const team = useAccountTeam(customer.id);
  const put = usePutTeamMember(customer.id);
  const remove = useRemoveTeamMember(customer.id);
  const showError = useShowError();
  const [form] = Form.useForm<AddMemberValues>();
  const writer = canWrite(user.role) && customer.deletedAt === null;

  const roleOptions = ACCOUNT_TEAM_ROLES.map((r) => ({ value: r, label: t(`accountTeam.roles.${r}`) }));
  const accessOptions = ACCOUNT_TEAM_ACCESS.map((a) => ({ value: a, label: t(`accountTeam.access.${a}`) }));
  const change = (m: TAccountTeamMember, patch: Partial<Pick<TAccountTeamMember, 'role' | 'access'>>) =>
    put.mutate({ userId: m.userId, role: m.role, access: m.access, ...patch }, { onError: (e) => showError(e) });

  const columns: TableProps<TAccountTeamMember>['columns'] = [
    { key: 'name', title: t('accountTeam.member'), dataIndex: 'name' },
    {
      key: 'role',
      title: t('accountTeam.role'),
      render: (_, m) =>
        writer ? (
          <Select size="small" value={m.role} options={roleOptions} onChange={(role) => change(m, { role })} style={{ width: 120 }} />
        ) : (
          t(`accountTeam.roles.${m.role}`)
        ),
    },
    {
      key: 'access',
      title: t('accountTeam.accessLabel'),
      render: (_, m) =>
        writer ? (
          <Select
            size="small"
            value={m.access}
            options={accessOptions}
            onChange={(access) => change(m, { access })}
            style={{ width: 100 }}
          />
        ) : (
          t(`accountTeam.access.${m.access}`)
        ),
    },
    {
      key: 'addedAt',
      title: t('accountTeam.addedAt'),
      dataIndex: 'addedAt',
      responsive: ['md'],
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];
  if (writer) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, m) => (
        <Popconfirm
          title={t('accountTeam.removeConfirm', { name: m.name })}
          okText={t('accountTeam.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutate(m.userId, { onSuccess: () => void message.success(t('accountTeam.removed')), onError: (e) => showError(e) })
          }
        >
          <Button type="link" size="small" danger>
            {t('accountTeam.remove')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  const onAdd = (v: AddMemberValues) =>
    put.mutate(v, {
      onSuccess: () => {
        void message.success(t('accountTeam.added'));
        form.resetFields();
      },
      onError: (e) => showError(e, form),
    });

  if (team.isError) return <LoadError error={team.error} onRetry={team.refetch} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('accountTeam.intro')}</Typography.Paragraph>
      <Table<TAccountTeamMember>
        rowKey="userId"
        columns={columns}
        dataSource={team.data?.data}
        loading={team.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        locale={{ emptyText: t('accountTeam.empty') }}
      />
      {writer && (
        <Card size="small" title={t('accountTeam.add')} style={{ marginTop: 16 }}>
          <Form<AddMemberValues>
            name="addMember"
            form={form}
            layout="inline"
            onFinish={onAdd}
            initialValues={{ role: 'member', access: 'read' }}
            requiredMark={false}
          >
            <Flex wrap gap={8} style={{ width: '100%' }}>
              <Form.Item name="userId" rules={[{ required: true, message: t('validation.required') }]} style={{ minWidth: 220, margin: 0 }}>
                <UserSelect placeholder={t('accountTeam.pickUser')} ariaLabel={t('accountTeam.member')} />
              </Form.Item>
              <Form.Item name="role" style={{ margin: 0 }}>
                <Select options={roleOptions} style={{ width: 120 }} aria-label={t('accountTeam.role')} />
              </Form.Item>
              <Form.Item name="access" style={{ margin: 0 }}>
                <Select options={accessOptions} style={{ width: 100 }} aria-label={t('accountTeam.accessLabel')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={put.isPending}>
                {t('accountTeam.addButton')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
    </>
  );
}
