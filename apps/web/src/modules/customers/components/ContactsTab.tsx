import { PlusOutlined } from '@ant-design/icons';
import type { TContact, TCustomer } from '@tierline/contracts';
import { App, Button, Flex, Popconfirm, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { useShowError } from '../../../shared/errors.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { BUYING_ROLE_COLORS, useContacts, useDeleteContact } from '../contacts.api.ts';
import { ContactFormModal } from './ContactFormModal.tsx';

/** The customer's people, with their title, seniority and role in buying. */
export function ContactsTab({ customer }: { customer: TCustomer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const list = useContacts(customer.id);
  const remove = useDeleteContact(customer.id);
  const showError = useShowError();
  const [editing, setEditing] = useState<TContact | null | undefined>(undefined);
  const writer = canWrite(user.role) && customer.deletedAt === null;

  const columns: TableProps<TContact>['columns'] = [
    { key: 'name', title: t('contacts.name'), dataIndex: 'name' },
    { key: 'title', title: t('contacts.title'), dataIndex: 'title', render: (v) => v ?? '—' },
    {
      key: 'seniority',
      title: t('contacts.seniority'),
      dataIndex: 'seniority',
      responsive: ['sm'],
      render: (v: TContact['seniority']) => (v ? t(`contacts.seniorities.${v}`) : '—'),
    },
    {
      key: 'buyingRole',
      title: t('contacts.buyingRole'),
      dataIndex: 'buyingRole',
      render: (v: TContact['buyingRole']) => (v ? <Tag color={BUYING_ROLE_COLORS[v]}>{t(`contacts.roles.${v}`)}</Tag> : '—'),
    },
    { key: 'phone', title: t('contacts.phone'), dataIndex: 'phone', responsive: ['md'], render: (v) => v ?? '—' },
    { key: 'email', title: t('contacts.email'), dataIndex: 'email', responsive: ['md'], render: (v) => v ?? '—' },
  ];
  if (writer) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, contact) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(contact)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('contacts.deleteConfirm', { name: contact.name })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutate(contact, { onSuccess: () => void message.success(t('contacts.deleted')), onError: (e) => showError(e) })
            }
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={list.refetch} />;
  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
        <ExportButton list="contacts" filters={{ customerId: customer.id }} />
        {writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('contacts.create')}
          </Button>
        )}
      </Flex>
      <Table<TContact>
        rowKey="id"
        columns={columns}
        dataSource={list.rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        locale={{ emptyText: t('contacts.empty') }}
      />
      <LoadMore
        count={list.rows.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
      <ContactFormModal
        customerId={customer.id}
        open={editing !== undefined}
        contact={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}
