import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Spin, Statistic, Table, type TableProps, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { errorsCsvUrl, type TImport, type TImportError, useImport } from '../imports.api.ts';
import { isFinished, progressPercent } from '../mapping.ts';

/**
 * An import as it runs and once it ended: a progress bar (polled every second; indeterminate until the file's
 * rows are counted), the counts, the outcome, the first errors and the error file. `actions` render under the
 * outcome once it is finished; `onFinished` is told once when it ends.
 */
export function ImportRun({
  id,
  actions,
  onFinished,
}: {
  id: string;
  actions?: (run: TImport) => ReactNode;
  onFinished?: (run: TImport) => void;
}) {
  const query = useImport(id);
  const run = query.data;
  const finished = run ? isFinished(run.status) : false;

  // Told once per import, when it turns finished.
  const told = useRef<string | null>(null);
  useEffect(() => {
    if (run && finished && told.current !== run.id) {
      told.current = run.id;
      onFinished?.(run);
    }
  }, [run, finished, onFinished]);

  if (query.isError && !run) return <LoadError error={query.error} onRetry={query.refetch} />;
  if (!run) return <Spin style={{ display: 'block', margin: '32px auto' }} />;

  return (
    <Flex vertical gap={16} data-testid="import-run" data-status={run.status}>
      {finished ? <Outcome run={run} /> : <RunProgress run={run} />}
      <Counts run={run} />
      {finished && actions?.(run)}
      <Errors run={run} />
    </Flex>
  );
}

function RunProgress({ run }: { run: TImport }) {
  const { t } = useTranslation();
  const percent = progressPercent(run);
  const text =
    run.status === 'queued'
      ? t('imports.run.queued')
      : run.total === null
        ? t('imports.run.progressUnknown', { processed: run.processed })
        : t('imports.run.progress', { processed: run.processed, total: run.total });
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      {percent === null ? (
        // The total is not known yet: a moving full bar in a light colour, no percentage.
        <Progress percent={100} status="active" showInfo={false} strokeColor="#91caff" aria-label={text} />
      ) : (
        <Progress percent={percent} status="active" aria-label={text} />
      )}
      <Typography.Text type="secondary">{text}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('imports.run.background')}
      </Typography.Text>
    </Flex>
  );
}

function Outcome({ run }: { run: TImport }) {
  const { t } = useTranslation();
  // All or nothing with invalid rows ends as failed with nothing written: said in the UI language.
  if (run.mode === 'all-or-nothing' && run.errorCount > 0) {
    return <Alert type="warning" showIcon title={t('imports.run.nothingWritten')} data-testid="import-outcome" />;
  }
  if (run.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('imports.run.failed')}
        description={run.failureReason ?? undefined}
        data-testid="import-outcome"
      />
    );
  }
  if (run.mode === 'dry-run') {
    return (
      <Alert
        type={run.errorCount > 0 ? 'warning' : 'success'}
        showIcon
        title={t('imports.run.dryRunDone')}
        description={run.errorCount === 0 ? t('imports.run.dryRunClean') : undefined}
        data-testid="import-outcome"
      />
    );
  }
  return (
    <Alert
      type={run.errorCount > 0 ? 'warning' : 'success'}
      showIcon
      title={t('imports.run.succeeded')}
      description={run.errorCount > 0 ? t('imports.run.skippedRows', { count: run.skipped }) : undefined}
      data-testid="import-outcome"
    />
  );
}

function Counts({ run }: { run: TImport }) {
  const { t } = useTranslation();
  const dryRun = run.mode === 'dry-run';
  return (
    <Flex wrap gap={20} data-testid="import-counts">
      <Statistic title={dryRun ? t('imports.run.wouldInsert') : t('imports.run.inserted')} value={run.inserted} />
      <Statistic title={dryRun ? t('imports.run.wouldUpdate') : t('imports.run.updated')} value={run.updated} />
      <Statistic title={t('imports.run.skipped')} value={run.skipped} />
      <Statistic
        title={t('imports.run.errors')}
        value={run.errorCount}
        styles={{ content: run.errorCount > 0 ? { color: '#cf1322' } : undefined }}
      />
    </Flex>
  );
}

function Errors({ run }: { run: TImport }) {
  const { t } = useTranslation();
  if (run.errorCount === 0) return null;
  const rows = run.errors.map((error, index) => ({ ...error, index }));
  const columns: TableProps<TImportError & { index: number }>['columns'] = [
    { key: 'row', title: <span style={{ whiteSpace: 'nowrap' }}>{t('imports.run.row')}</span>, dataIndex: 'row', width: 72 },
    { key: 'column', title: t('imports.run.column'), dataIndex: 'column', width: '28%', render: (column: string | null) => column ?? '—' },
    { key: 'message', title: t('imports.run.message'), dataIndex: 'message' },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {rows.length > 0 && run.errorCount > rows.length ? t('imports.run.firstErrors', { count: rows.length }) : t('imports.run.errors')}
        </Typography.Text>
        {isFinished(run.status) && (
          <Typography.Link href={errorsCsvUrl(run.id)} download data-testid="import-errors-csv">
            <DownloadOutlined /> {t('imports.run.downloadErrors')}
          </Typography.Link>
        )}
      </Flex>
      {rows.length > 0 && (
        <Table<TImportError & { index: number }>
          rowKey="index"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          // No horizontal scroll: the message wraps, so it is read whole on a phone too.
          data-testid="import-errors"
        />
      )}
    </Flex>
  );
}
