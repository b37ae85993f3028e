import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { IMPORT_ROLES } from '../../../shared/roles.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { ImportDetailsDrawer } from '../components/ImportDetailsDrawer.tsx';
import { ImportWizard } from '../components/ImportWizard.tsx';
import { STATUS_COLORS, type TImport, type TImportEntity, type TImportStatus, useImports } from '../imports.api.ts';
import { IMPORT_ENTITY_LIST, IMPORT_STATUSES, isFinished } from '../mapping.ts';

/** While an import in the list is queued or running, the list refreshes itself. */
const REFRESH_MS = 2_000;

type UrlState = { entity?: TImportEntity; status?: TImportStatus; id?: string };

/**
 * 数据导入: past imports (what, which file, how, how it went) with their details, and 新建导入 opening the wizard:
 * file → column mapping → options → run with live progress.
 */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const list = useImports({ entity: url.entity, status: url.status });
  const [wizardOpen, setWizardOpen] = useState(false);
  const running = list.rows.some((run) => !isFinished(run.status));
  const { refetch } = list;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refetch(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, refetch]);

  const columns: TableProps<TImport>['columns'] = [
    {
      key: 'entity',
      title: t('imports.entity'),
      dataIndex: 'entity',
      render: (entity: TImportEntity) => <Tag color="blue">{t(`imports.entities.${entity}`)}</Tag>,
    },
    {
      key: 'file',
      title: t('imports.file'),
      dataIndex: 'fileName',
      render: (name: string) => (
        <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 240 }}>
          {name}
        </Typography.Text>
      ),
    },
    { key: 'mode', title: t('imports.mode'), dataIndex: 'mode', render: (mode: TImport['mode']) => t(`imports.modes.${mode}`) },
    {
      key: 'status',
      title: t('imports.status'),
      render: (_, run) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS_COLORS[run.status]} style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }}>
            {t(`imports.statuses.${run.status}`)}
          </Tag>
          {!isFinished(run.status) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {run.total === null
                ? t('imports.rowsUnknown', { processed: run.processed })
                : t('imports.rows', { processed: run.processed, total: run.total })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'counts',
      title: t('imports.counts'),
      render: (_, run) => (
        <Flex vertical gap={2}>
          <span>{t('imports.countsLine', { inserted: run.inserted, updated: run.updated, skipped: run.skipped })}</span>
          {run.errorCount > 0 && <Typography.Text type="danger">{t('imports.errorsLine', { count: run.errorCount })}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('imports.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, i18n.language) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, run) => (
        <Button type="link" size="small" onClick={() => setUrl({ id: run.id })} data-testid={`import-details-${run.id}`}>
          {t('imports.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        extra={
          IMPORT_ROLES.includes(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setWizardOpen(true)} data-testid="import-create">
              {t('imports.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select<TImportEntity>
            allowClear
            aria-label={t('imports.entity')}
            placeholder={t('imports.allEntities')}
            style={{ width: 160 }}
            value={url.entity}
            options={IMPORT_ENTITY_LIST.map((entity) => ({ value: entity, label: t(`imports.entities.${entity}`) }))}
            onChange={(entity) => setUrl({ entity })}
          />
          <Select<TImportStatus>
            allowClear
            aria-label={t('imports.status')}
            placeholder={t('imports.allStatuses')}
            style={{ width: 160 }}
            value={url.status}
            options={IMPORT_STATUSES.map((status) => ({ value: status, label: t(`imports.statuses.${status}`) }))}
            onChange={(status) => setUrl({ status })}
          />
        </Flex>
        <CursorTable<TImport>
          list={list}
          columns={columns}
          locale={{ emptyText: <Empty description={t('imports.empty')} /> }}
          data-testid="imports-list"
        />
      </Card>
      <ImportWizard open={wizardOpen} onClose={() => setWizardOpen(false)} />
      <ImportDetailsDrawer id={url.id ?? null} onClose={() => setUrl({ id: undefined })} />
    </>
  );
}
