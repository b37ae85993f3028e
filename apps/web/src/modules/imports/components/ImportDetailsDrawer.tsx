import { Descriptions, Drawer, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { STATUS_COLORS, type TImport, useImport } from '../imports.api.ts';
import { useImportLabels } from '../labels.ts';
import { ImportRun } from './ImportRun.tsx';

/** 导入详情: one import — what was imported how, its progress or outcome with the errors, and the mapping it used. */
export function ImportDetailsDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={t('imports.detailsTitle')} size={isPhone ? '100%' : 880} destroyOnHidden>
      {id && <Details id={id} />}
    </Drawer>
  );
}

function Details({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const run = useImport(id).data;
  return (
    <Flex vertical gap={24}>
      {run && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          bordered
          items={[
            { key: 'entity', label: t('imports.entity'), children: t(`imports.entities.${run.entity}`) },
            {
              key: 'file',
              label: t('imports.file'),
              children: <Typography.Text style={{ wordBreak: 'break-all' }}>{run.fileName}</Typography.Text>,
            },
            { key: 'mode', label: t('imports.mode'), children: t(`imports.modes.${run.mode}`) },
            {
              key: 'status',
              label: t('imports.status'),
              children: <Tag color={STATUS_COLORS[run.status]}>{t(`imports.statuses.${run.status}`)}</Tag>,
            },
            { key: 'createdAt', label: t('imports.createdAt'), children: formatDateTime(run.createdAt, i18n.language) },
            {
              key: 'startedAt',
              label: t('imports.startedAt'),
              children: run.startedAt ? formatDateTime(run.startedAt, i18n.language) : '—',
            },
            {
              key: 'finishedAt',
              label: t('imports.finishedAt'),
              children: run.finishedAt ? formatDateTime(run.finishedAt, i18n.language) : '—',
            },
          ]}
        />
      )}
      <ImportRun id={id} />
      {run && <MappingUsed run={run} />}
    </Flex>
  );
}

type MappingRow = { key: string; column?: string; default?: string; values?: Record<string, string> };

/** The mapping the import ran with: field → column, default and value map. */
function MappingUsed({ run }: { run: TImport }) {
  const { t } = useTranslation();
  const labels = useImportLabels(run.entity);
  const rows: MappingRow[] = Object.entries(run.mapping).map(([key, source]) => ({ key, ...source }));
  const columns: TableProps<MappingRow>['columns'] = [
    { key: 'field', title: t('imports.mapping.field'), render: (_, row) => labels.fieldLabel(row.key) },
    { key: 'column', title: t('imports.mapping.column'), dataIndex: 'column', render: (column?: string) => column ?? '—' },
    { key: 'default', title: t('imports.mapping.default'), dataIndex: 'default', render: (value?: string) => value ?? '—' },
    {
      key: 'values',
      title: t('imports.mapping.values'),
      render: (_, row) =>
        row.values ? (
          <Flex wrap gap={4}>
            {Object.entries(row.values).map(([from, to]) => (
              <Tag key={from} style={{ marginInlineEnd: 0 }}>
                {from} → {labels.optionLabel(row.key, to)}
              </Tag>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('imports.steps.mapping')}
      </Typography.Title>
      <Table<MappingRow> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
    </Flex>
  );
}
