import type { TEnrolment } from '@tierline/contracts';
import { Button, Card, Empty, Flex, Progress, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { dueState, isOpen, localToday, STATUS_COLORS, sortEnrolments } from './enrolmentDisplay.ts';
import { useMyEnrolments } from './learning.api.ts';

/** My enrolments: open ones first (overdue on top, then by due date), finished ones below. */
export function EnrolmentList({ onOpen }: { onOpen: (enrolmentId: string) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enrolments = useMyEnrolments(user.id);
  const [open, closed] = useMemo(() => {
    const sorted = sortEnrolments(enrolments.data ?? []);
    return [sorted.filter(isOpen), sorted.filter((e) => !isOpen(e))];
  }, [enrolments.data]);

  if (enrolments.isError && !enrolments.data) return <LoadError error={enrolments.error} onRetry={enrolments.refetch} />;
  if (!enrolments.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('trainingLearning.mine.open', { count: open.length })} data-testid="enrolments-open">
        {open.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Flex vertical gap={4} align="center">
                <span>{t(closed.length ? 'trainingLearning.mine.allDone' : 'trainingLearning.mine.empty')}</span>
                <Link to="/training/courses">{t('trainingLearning.mine.browse')}</Link>
              </Flex>
            }
          />
        ) : (
          <Flex vertical gap={8}>
            {open.map((e) => (
              <EnrolmentRow key={e.id} enrolment={e} onOpen={onOpen} />
            ))}
          </Flex>
        )}
      </Card>
      {closed.length > 0 && (
        <Card size="small" title={t('trainingLearning.mine.closed', { count: closed.length })} data-testid="enrolments-closed">
          <Flex vertical gap={8}>
            {closed.map((e) => (
              <EnrolmentRow key={e.id} enrolment={e} onOpen={onOpen} />
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function EnrolmentRow({ enrolment: e, onOpen }: { enrolment: TEnrolment; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" type="inner" data-testid={`enrolment-${e.id}`} styles={{ body: { padding: 12 } }}>
      <Flex gap={12} wrap justify="space-between" align="center">
        <Flex vertical gap={4} style={{ minWidth: 220, flex: 1 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{e.courseTitle}</Typography.Text>
            <EnrolmentStatusTag enrolment={e} />
            {e.source !== 'manual' && <Tag>{t(`training.enrolmentSources.${e.source}`)}</Tag>}
          </Flex>
          <Flex gap={12} wrap>
            <DueText enrolment={e} />
            {e.quizScore !== null && (
              <Typography.Text type="secondary">{t('trainingLearning.mine.bestScore', { score: e.quizScore })}</Typography.Text>
            )}
          </Flex>
        </Flex>
        <Progress
          percent={e.progress}
          size="small"
          status={e.status === 'failed' ? 'exception' : e.status === 'completed' ? 'success' : 'normal'}
          style={{ width: 160, marginInlineEnd: 0 }}
        />
        <Button type={isOpen(e) ? 'primary' : 'default'} onClick={() => onOpen(e.id)} data-testid={`enrolment-open-${e.id}`}>
          {t(
            e.status === 'assigned'
              ? 'trainingLearning.mine.start'
              : isOpen(e)
                ? 'trainingLearning.mine.continue'
                : 'trainingLearning.mine.view',
          )}
        </Button>
      </Flex>
    </Card>
  );
}

export function EnrolmentStatusTag({ enrolment: e }: { enrolment: TEnrolment }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[e.status]} style={{ marginInlineEnd: 0 }} data-testid="enrolment-status">
      {t(`training.statuses.${e.status}`)}
    </Tag>
  );
}

/** 截止 2026年12月1日 — red and marked when overdue, orange within three days; the completion date once done. */
export function DueText({ enrolment: e }: { enrolment: TEnrolment }) {
  const { t, i18n } = useTranslation();
  if (e.status === 'completed' && e.completedAt)
    return (
      <Typography.Text type="secondary">
        {t('trainingLearning.mine.completedOn', { date: formatDate(e.completedAt, i18n.language) })}
      </Typography.Text>
    );
  const state = dueState(e, localToday());
  if (state === 'none') return isOpen(e) ? <Typography.Text type="secondary">{t('trainingLearning.mine.noDue')}</Typography.Text> : null;
  const date = formatDate(e.dueOn, i18n.language);
  if (state === 'overdue')
    return (
      <Typography.Text type="danger" data-testid="enrolment-due">
        <Tag color="red" style={{ marginInlineEnd: 6 }}>
          {t('training.overdue')}
        </Tag>
        {t('trainingLearning.mine.wasDue', { date })}
      </Typography.Text>
    );
  return (
    <Typography.Text style={{ color: state === 'ok' ? undefined : '#d46b08' }} data-testid="enrolment-due">
      {t('trainingLearning.mine.dueOn', { date })}
      {state === 'today' && ` · ${t('trainingLearning.mine.dueToday')}`}
      {state === 'soon' && ` · ${t('trainingLearning.mine.dueSoon')}`}
    </Typography.Text>
  );
}
