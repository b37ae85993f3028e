import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Statistic, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { JOB_STATUSES, type JobFilters, type TJob, type TJobStatus, useJobSummary, useJobs, useRetryJob } from '../jobs.api.ts';

const STATUS_COLORS: Record<TJobStatus, string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error' };

function Summary() {
  const { t, i18n } = useTranslation();
  const summary = useJobSummary();
  const counts = summary.data?.counts;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex wrap gap={32}>
        {JOB_STATUSES.map((status) => (
          <Statistic key={status} title={t(`jobs.status.${status}`)} value={counts?.[status] ?? '–'} loading={summary.isPending} />
        ))}
        {summary.data?.oldestDueAt && (
          <Typography.Text type="warning" style={{ alignSelf: 'center' }} data-testid="jobs-backlog">
            {t('jobs.backlog', { time: formatDateTime(summary.data.oldestDueAt, i18n.language) })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** 系统管理 → 后台任务: what the job worker ran, what waits and what failed, with a retry for failures. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<JobFilters>({});
  const list = useJobs(filters);
  const retry = useRetryJob();

  const onRetry = (job: TJob) =>
    retry.mutate(job.id, {
      onSuccess: () => void message.success(t('jobs.retried')),
      onError: (err) => void message.error(err.message),
    });

  const columns: TableProps<TJob>['columns'] = [
    { key: 'kind', title: t('jobs.kind'), dataIndex: 'kind', render: (kind: string, job) => <JobKind kind={kind} system={job.system} /> },
    {
      key: 'status',
      title: t('jobs.statusLabel'),
      dataIndex: 'status',
      render: (status: TJobStatus) => <Tag color={STATUS_COLORS[status]}>{t(`jobs.status.${status}`)}</Tag>,
    },
    { key: 'attempts', title: t('jobs.attempts'), render: (_, job) => `${job.attempts} / ${job.maxAttempts}` },
    { key: 'runAt', title: t('jobs.runAt'), dataIndex: 'runAt', render: (at: string) => formatDateTime(at, i18n.language) },
    {
      key: 'finishedAt',
      title: t('jobs.finishedAt'),
      dataIndex: 'finishedAt',
      render: (at: string | null) => formatDateTime(at, i18n.language),
    },
    {
      key: 'outcome',
      title: t('jobs.outcome'),
      render: (_, job) =>
        job.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: job.lastError }} style={{ maxWidth: 360 }}>
            {job.lastError}
          </Typography.Text>
        ) : job.result ? (
          <Typography.Text code ellipsis={{ tooltip: JSON.stringify(job.result) }} style={{ maxWidth: 360 }}>
            {JSON.stringify(job.result)}
          </Typography.Text>
        ) : null,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, job) =>
        job.status === 'failed' && !job.system ? (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={retry.isPending && retry.variables === job.id}
            onClick={() => onRetry(job)}
          >
            {t('jobs.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('jobs.title')} />
      <Typography.Paragraph type="secondary">{t('jobs.subtitle')}</Typography.Paragraph>
      <Summary />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select<TJobStatus>
            allowClear
            aria-label={t('jobs.statusLabel')}
            placeholder={t('jobs.allStatuses')}
            style={{ width: 160 }}
            options={JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) }))}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
          />
          <Input.Search
            allowClear
            placeholder={t('jobs.kindPlaceholder')}
            style={{ width: 240, maxWidth: '100%' }}
            onSearch={(kind) => setFilters((f) => ({ ...f, kind: kind.trim() || undefined }))}
          />
        </Flex>
        <CursorTable<TJob> list={list} columns={columns} />
      </Card>
    </>
  );
}

/** A job kind in words where we know it (`pool.sweep` → 公海回收), the raw kind beside it for search. */
function JobKind({ kind, system }: { kind: string; system: boolean }) {
  const { t, i18n } = useTranslation();
  const label = i18n.exists(`jobs.kinds.${kind.replace('.', '_')}`)
    ? t(`jobs.kinds.${kind.replace('.', '_')}` as 'jobs.kinds.pool_sweep')
    : kind;
  return (
    <Flex vertical>
      <span>
        {label} {system && <Tag>{t('jobs.system')}</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {kind}
      </Typography.Text>
    </Flex>
  );
}
