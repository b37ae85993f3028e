import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TTrainingTrigger } from '@tierline/contracts';
import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { localName, usePipelines } from '../../deals/deals.api.ts';
import { periodLabel } from '../../performance/periods.ts';
import { TRAINING_ADMIN_ROLES } from '../access.ts';
import { useCourseOptions } from '../plans/plans.api.ts';
import { FireLog } from '../triggers/FireLog.tsx';
import { RunTriggerModal } from '../triggers/RunTriggerModal.tsx';
import { TriggerFormDrawer } from '../triggers/TriggerFormDrawer.tsx';
import { type MetricNames, ruleText } from '../triggers/triggerRules.ts';
import { useTriggers } from '../triggers/triggers.api.ts';

/**
 * 结果触发培训 (a tab of the training settings): rules such as "长周期管道赢单率 < 20%/季度 → 报名课程 X", each run by
 * the hourly job when a period closes or by hand for a chosen period, and the log of every rep they fired for.
 */
export function TriggersSettings() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const triggers = useTriggers();
  const courses = useCourseOptions();
  const pipelines = usePipelines();
  const [editing, setEditing] = useState<TTrainingTrigger | 'new' | null>(null);
  const [running, setRunning] = useState<TTrainingTrigger | null>(null);
  const canWrite = TRAINING_ADMIN_ROLES.includes(user.role);
  const names: MetricNames = {
    stage: (id) => {
      const stage = pipelines.stageById.get(id);
      return stage ? localName(stage, i18n.language) : undefined;
    },
  };

  const columns = [
    { key: 'name', title: t('trainingPlans.triggers.fields.name'), dataIndex: 'name' },
    {
      key: 'rule',
      title: t('trainingPlans.triggers.fields.rule'),
      render: (_: unknown, tr: TTrainingTrigger) => <span data-testid="trigger-rule">{ruleText(tr, names, t, i18n.language)}</span>,
    },
    {
      key: 'course',
      title: t('trainingPlans.triggers.fields.course'),
      render: (_: unknown, tr: TTrainingTrigger) => courses.byId.get(tr.courseId)?.title ?? '…',
    },
    {
      key: 'enabled',
      title: t('trainingPlans.triggers.fields.enabled'),
      render: (_: unknown, tr: TTrainingTrigger) => (
        <Tag color={tr.enabled ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(tr.enabled ? 'common.active' : 'common.inactive')}
        </Tag>
      ),
    },
    {
      key: 'lastRun',
      title: t('trainingPlans.triggers.fields.lastRun'),
      render: (_: unknown, tr: TTrainingTrigger) =>
        tr.lastRunPeriod ? periodLabel(tr.lastRunPeriod, t) : t('trainingPlans.triggers.neverRun'),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, tr: TTrainingTrigger) => (
              <Space>
                <Button size="small" onClick={() => setEditing(tr)} data-testid="trigger-edit">
                  {t('common.edit')}
                </Button>
                <Button size="small" icon={<PlayCircleOutlined />} onClick={() => setRunning(tr)} data-testid="trigger-run-open">
                  {t('trainingPlans.triggers.run.open')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={24} data-testid="triggers-settings">
      <section>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('trainingPlans.triggers.title')}
          </Typography.Title>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="trigger-create">
              {t('trainingPlans.triggers.create')}
            </Button>
          )}
        </Flex>
        <Typography.Paragraph type="secondary">{t('trainingPlans.triggers.intro')}</Typography.Paragraph>
        {triggers.isError ? (
          <LoadError error={triggers.error} onRetry={triggers.refetch} />
        ) : (
          <Table<TTrainingTrigger>
            rowKey="id"
            size="middle"
            pagination={false}
            loading={triggers.isPending}
            columns={columns}
            dataSource={triggers.triggers}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('trainingPlans.triggers.empty') }}
            data-testid="trigger-list"
          />
        )}
      </section>
      <section>
        <Typography.Title level={5}>{t('trainingPlans.fires.title')}</Typography.Title>
        <FireLog triggers={triggers.triggers} />
      </section>
      <TriggerFormDrawer open={editing !== null} trigger={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      {running && <RunTriggerModal key={running.id} trigger={running} onClose={() => setRunning(null)} />}
    </Flex>
  );
}
