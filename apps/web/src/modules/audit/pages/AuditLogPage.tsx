import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Flex, Input, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { formatAuditValue, formatDateTime, fullAuditValue, shortId } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { type AuditFilters, type TAuditEntry, useAuditLog } from '../audit.api.ts';

const ACTION_COLORS: Record<TAuditEntry['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'gold',
};

/** One changed field per line: "role: rep → manager"; hover a value to see it in full. */
function Changes({ changes }: { changes: TAuditEntry['changes'] }) {
  const { i18n } = useTranslation();
  const fields = Object.entries(changes);
  if (fields.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {fields.map(([field, { before, after }]) => (
        <Typography.Text key={field} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{field}</Typography.Text>:{' '}
          <Typography.Text delete type="secondary" title={fullAuditValue(before)}>
            {formatAuditValue(before, i18n.language)}
          </Typography.Text>{' '}
          <ArrowRightOutlined style={{ fontSize: 10 }} />{' '}
          <span title={fullAuditValue(after)}>{formatAuditValue(after, i18n.language)}</span>
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** 系统管理 → 审计日志: every change, who made it and what it was before. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const list = useAuditLog(filters);
  const actors = useUsersById(list.rows.map((entry) => entry.actorId));

  const columns: TableProps<TAuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.time'),
      dataIndex: 'at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at, i18n.language)}</span>,
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      dataIndex: 'actorId',
      render: (actorId: string | null) => (actorId ? (actors.get(actorId)?.name ?? '…') : t('audit.system')),
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: TAuditEntry['action']) => <Tag color={ACTION_COLORS[action]}>{t(`audit.actions.${action}`)}</Tag>,
    },
    { key: 'entity', title: t('audit.entity'), dataIndex: 'entity' },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (entityId: string) => (
        <Typography.Text code copyable={{ text: entityId }} style={{ whiteSpace: 'nowrap' }}>
          {shortId(entityId)}
        </Typography.Text>
      ),
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      dataIndex: 'changes',
      render: (changes: TAuditEntry['changes']) => <Changes changes={changes} />,
    },
  ];

  const setFilter = (key: keyof AuditFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value.trim() || undefined }));

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('audit.entityPlaceholder')}
            onSearch={setFilter('entity')}
            style={{ width: 220, maxWidth: '100%' }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.entityIdPlaceholder')}
            onSearch={setFilter('entityId')}
            style={{ width: 320, maxWidth: '100%' }}
          />
        </Flex>
        <CursorTable<TAuditEntry> list={list} columns={columns} />
      </Card>
    </>
  );
}
