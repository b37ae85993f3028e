import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { CreateTokenModal } from '../components/CreateTokenModal.tsx';
import { type TApiToken, useApiTokens, useRevokeApiToken } from '../tokens.api.ts';

/** The signed-in user's API tokens, for scripts and integrations. */
export function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const showError = useShowError();
  const [creating, setCreating] = useState(false);

  const dateOr = (fallback: string) => (value: string | null) => (value ? formatDateTime(value, i18n.language) : fallback);

  const columns: TableProps<TApiToken>['columns'] = [
    { key: 'name', title: t('tokens.name'), dataIndex: 'name' },
    {
      key: 'prefix',
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    { key: 'createdAt', title: t('tokens.createdAt'), dataIndex: 'createdAt', render: dateOr('—') },
    { key: 'lastUsedAt', title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: dateOr(t('tokens.never')) },
    { key: 'expiresAt', title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: dateOr(t('tokens.never')) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, token) => (
        <Popconfirm
          title={t('tokens.revoke')}
          description={<div style={{ maxWidth: 280 }}>{t('tokens.revokeConfirm', { name: token.name })}</div>}
          okText={t('tokens.revoke')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            revoke.mutateAsync(token.id).then(
              () => void message.success(t('tokens.revoked')),
              (error: unknown) => showError(error),
            )
          }
        >
          <Button type="link" danger size="small">
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
        {tokens.isError && !tokens.data ? (
          <LoadError error={tokens.error} onRetry={tokens.refetch} />
        ) : (
          <Table<TApiToken>
            rowKey="id"
            columns={columns}
            dataSource={tokens.data?.data ?? []}
            loading={tokens.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            size="middle"
          />
        )}
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
