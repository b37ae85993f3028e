import { CheckCircleFilled, ClockCircleOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatDate } from '../../../shared/format.ts';
import { useUsersById } from '../../users/users.api.ts';
import { type TDealDetail, type TDealTask, type TMilestone, useSaveMilestone, useSaveTask } from '../deals.api.ts';
import { type PlanItemKind, PlanItemModal } from './PlanItemModal.tsx';

type Item = { kind: 'milestone'; item: TMilestone; due: string | null } | { kind: 'task'; item: TDealTask; due: string | null };
const TASK_STATUSES: TDealTask['status'][] = ['open', 'in_progress', 'done'];
const today = () => new Date().toLocaleDateString('sv-SE');

/** A project deal's milestones and the tasks handed to other departments, on one timeline by due date. */
export function ProjectTimeline({ deal, editable }: { deal: TDealDetail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const saveMilestone = useSaveMilestone(deal);
  const saveTask = useSaveTask(deal);
  const [adding, setAdding] = useState<PlanItemKind | null>(null);
  const people = useUsersById([...deal.milestones.map((m) => m.ownerId), ...deal.tasks.map((task) => task.assigneeId)]);
  const lng = i18n.language;

  const items: Item[] = [
    ...deal.milestones.map((m) => ({ kind: 'milestone' as const, item: m, due: m.dueDate })),
    ...deal.tasks.map((task) => ({ kind: 'task' as const, item: task, due: task.dueDate })),
  ].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));

  const isDone = (i: Item) => i.item.status === 'done';
  const overdue = (i: Item) => !isDone(i) && i.due !== null && i.due < today();

  const entry = (i: Item) => ({
    key: i.item.id,
    color: isDone(i) ? 'green' : overdue(i) ? 'red' : i.kind === 'milestone' ? 'blue' : 'gray',
    icon: i.kind === 'milestone' ? <FlagOutlined /> : undefined,
    content: (
      <Flex justify="space-between" align="flex-start" gap={8} wrap data-testid="plan-item">
        <div>
          <Typography.Text type={overdue(i) ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
            {i.due ? formatDate(i.due, lng) : t('deals.plan.noDue')}
            {overdue(i) && ` · ${t('deals.plan.overdue')}`}
          </Typography.Text>
          <Tag color={i.kind === 'milestone' ? 'geekblue' : 'purple'}>{t(`deals.plan.${i.kind}`)}</Tag>
          <Typography.Text strong delete={isDone(i)}>
            {i.kind === 'milestone' ? i.item.name : i.item.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {i.kind === 'task' && `${i.item.department} · `}
            {(() => {
              const person = i.kind === 'milestone' ? i.item.ownerId : i.item.assigneeId;
              return person ? (people.get(person)?.name ?? '…') : t('deals.plan.unassigned');
            })()}
          </Typography.Text>
        </div>
        {i.kind === 'milestone' ? (
          <Button
            size="small"
            disabled={!editable}
            icon={isDone(i) ? <CheckCircleFilled /> : <ClockCircleOutlined />}
            type={isDone(i) ? 'primary' : 'default'}
            ghost={isDone(i)}
            onClick={() =>
              saveMilestone.mutate(
                { id: i.item.id, version: i.item.version, status: isDone(i) ? 'open' : 'done' },
                { onError: (e) => showError(e) },
              )
            }
          >
            {isDone(i) ? t('deals.plan.done') : t('deals.plan.markDone')}
          </Button>
        ) : (
          <Select<TDealTask['status']>
            size="small"
            disabled={!editable}
            value={i.item.status}
            onChange={(status) => saveTask.mutate({ id: i.item.id, version: i.item.version, status }, { onError: (e) => showError(e) })}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`deals.plan.statuses.${s}`) }))}
            style={{ width: 110 }}
            aria-label={t('deals.plan.status')}
          />
        )}
      </Flex>
    ),
  });

  return (
    <Card
      size="small"
      title={t('deals.plan.title')}
      extra={
        editable && (
          <Space size={4}>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('milestone')}>
              {t('deals.plan.addMilestone')}
            </Button>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('task')}>
              {t('deals.plan.addTask')}
            </Button>
          </Space>
        )
      }
    >
      {items.length ? (
        <Timeline items={items.map(entry)} data-testid="project-timeline" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.plan.empty')} />
      )}
      <PlanItemModal deal={deal} kind={adding} onClose={() => setAdding(null)} />
    </Card>
  );
}
