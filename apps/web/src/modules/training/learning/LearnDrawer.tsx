import { CheckCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { TCourse, TEnrolment, TQuizAttempt } from '@tierline/contracts';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Progress, Result, Slider, Spin, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { formatDate } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CourseTags } from './CourseTags.tsx';
import { DueText, EnrolmentStatusTag } from './EnrolmentList.tsx';
import { isOpen, nextStep } from './enrolmentDisplay.ts';
import { useCompleteEnrolment, useCourse, useEnrolment, useSetProgress } from './learning.api.ts';
import { learningErrorText } from './learningErrors.ts';
import { MaterialsList } from './MaterialsList.tsx';
import { QuizTaker } from './QuizTaker.tsx';

/** One of my enrolments: the course's materials, my progress, and finishing it — marking it done, or its quiz. */
export function LearnDrawer({ enrolmentId, onClose }: { enrolmentId: string | null; onClose: () => void }) {
  const isPhone = useIsPhone();
  const { t } = useTranslation();
  return (
    <Drawer
      open={enrolmentId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 900}
      title={t('trainingLearning.learn.title')}
      destroyOnHidden
      data-testid="learn-drawer"
    >
      {enrolmentId && <Learn enrolmentId={enrolmentId} />}
    </Drawer>
  );
}

function Learn({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const enrolment = useEnrolment(enrolmentId);
  const course = useCourse(enrolment.data?.courseId);
  if (enrolment.isError && isApiError(enrolment.error, 404)) return <Result status="404" title={t('trainingLearning.learn.notFound')} />;
  if (enrolment.isError && !enrolment.data) return <LoadError error={enrolment.error} onRetry={enrolment.refetch} />;
  if (course.isError && !course.data) return <LoadError error={course.error} onRetry={course.refetch} />;
  if (!enrolment.data || !course.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <LearnView enrolment={enrolment.data} course={course.data} />;
}

function LearnView({ enrolment: e, course }: { enrolment: TEnrolment; course: TCourse }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // Only the enrolled rep learns; a manager opening the link sees where the rep stands.
  const isLearner = user.id === e.repId;
  const step = nextStep(e, course.quiz !== null);
  // Kept here, not in the quiz: the result stays on screen after it closes the enrolment (passed, or no attempts left).
  const [attempt, setAttempt] = useState<TQuizAttempt | null>(null);
  return (
    <Flex vertical gap={16} data-testid={`learn-${e.id}`}>
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            <Link to={`/training/courses/${course.id}`}>{e.courseTitle}</Link>
          </Typography.Title>
          <EnrolmentStatusTag enrolment={e} />
          {e.source !== 'manual' && <Tag>{t(`training.enrolmentSources.${e.source}`)}</Tag>}
        </Flex>
        {!isLearner && <Typography.Text type="secondary">{t('trainingLearning.learn.ofRep', { name: e.repName })}</Typography.Text>}
        <CourseTags course={course} />
        <DueText enrolment={e} />
      </Flex>
      <ProgressCard enrolment={e} isLearner={isLearner} />
      {course.description && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{course.description}</Typography.Paragraph>
      )}
      <Card size="small" title={t('trainingLearning.course.materials')}>
        <MaterialsList materials={course.materials} />
      </Card>
      {course.quiz ? (
        <Card size="small" title={t('trainingLearning.course.quiz')} data-testid="learn-quiz">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('trainingLearning.course.questions')}>{course.quiz.questions.length}</Descriptions.Item>
            <Descriptions.Item label={t('trainingLearning.fields.passScore')}>{`${course.quiz.passScore}%`}</Descriptions.Item>
            <Descriptions.Item label={t('trainingLearning.learn.attemptsUsed')}>{e.attemptsUsed}</Descriptions.Item>
            <Descriptions.Item label={t('trainingLearning.learn.attemptsLeft')}>
              {e.attemptsLeft ?? t('trainingLearning.unlimited')}
            </Descriptions.Item>
            {e.quizScore !== null && (
              <Descriptions.Item label={t('trainingLearning.learn.bestScore')}>{`${e.quizScore}%`}</Descriptions.Item>
            )}
          </Descriptions>
          {isLearner && (step === 'quiz' || step === 'retry' || attempt) ? (
            <QuizTaker enrolment={e} attempt={attempt} onAttempt={setAttempt} />
          ) : isLearner && e.status === 'assigned' ? (
            <Typography.Text type="secondary">{t('trainingLearning.learn.startFirst')}</Typography.Text>
          ) : e.status === 'failed' ? (
            <Alert type="error" showIcon title={t('trainingLearning.learn.failedFinal')} />
          ) : null}
        </Card>
      ) : (
        isLearner && step === 'complete' && <CompleteCard enrolment={e} />
      )}
      {e.status === 'completed' && course.certification && (
        <Alert type="success" showIcon title={t('trainingLearning.learn.certified', { name: course.certification.name })} />
      )}
    </Flex>
  );
}

/** 学习进度: start (assigned → in progress), then say how far along; completing sets it to 100. */
function ProgressCard({ enrolment: e, isLearner }: { enrolment: TEnrolment; isLearner: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const setProgress = useSetProgress();
  const [draft, setDraft] = useState<number | null>(null);
  // One save at a time, each with the version the previous one answered; moves made meanwhile send only the last.
  const inFlight = useRef(false);
  const queued = useRef<number | null>(null);
  const send = (base: TEnrolment, progress: number) => {
    inFlight.current = true;
    setProgress.mutate(
      { enrolment: base, progress },
      {
        onSuccess: (saved) => {
          const next = queued.current;
          queued.current = null;
          if (next !== null && next !== saved.progress) return send(saved, next);
          inFlight.current = false;
          setDraft(null);
        },
        onError: (error) => {
          inFlight.current = false;
          queued.current = null;
          setDraft(null);
          void message.error(learningErrorText(error, t));
        },
      },
    );
  };
  const save = (progress: number) => {
    if (inFlight.current) queued.current = progress;
    else send(e, progress);
  };
  return (
    <Card size="small" title={t('trainingLearning.learn.progress')} data-testid="learn-progress">
      <Flex vertical gap={8}>
        <Progress
          percent={draft ?? e.progress}
          status={e.status === 'failed' ? 'exception' : e.status === 'completed' ? 'success' : 'active'}
        />
        {e.startedAt && (
          <Typography.Text type="secondary">
            {t('trainingLearning.learn.startedOn', { date: formatDate(e.startedAt, i18n.language) })}
          </Typography.Text>
        )}
        {isLearner && e.status === 'assigned' && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            style={{ alignSelf: 'flex-start' }}
            loading={setProgress.isPending}
            onClick={() => send(e, e.progress)}
            data-testid="learn-start"
          >
            {t('trainingLearning.learn.start')}
          </Button>
        )}
        {isLearner && e.status === 'in_progress' && (
          <Flex vertical gap={0}>
            <Typography.Text type="secondary">{t('trainingLearning.learn.progressHint')}</Typography.Text>
            <Slider
              min={0}
              max={90}
              step={10}
              value={draft ?? Math.min(e.progress, 90)}
              tooltip={{ formatter: (v) => `${v}%` }}
              onChange={setDraft}
              onChangeComplete={(v) => v !== e.progress && save(v)}
              aria-label={t('trainingLearning.learn.progress')}
              data-testid="learn-progress-slider"
            />
          </Flex>
        )}
        {!isOpen(e) && e.status === 'cancelled' && (
          <Typography.Text type="secondary">{t('trainingLearning.learn.cancelled')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** 标记完成: a course without a quiz is finished by saying so. */
function CompleteCard({ enrolment }: { enrolment: TEnrolment }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const complete = useCompleteEnrolment();
  return (
    <Card size="small">
      <Flex gap={12} wrap justify="space-between" align="center">
        <Typography.Text>{t('trainingLearning.learn.completeHint')}</Typography.Text>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          loading={complete.isPending}
          data-testid="learn-complete"
          onClick={() =>
            modal.confirm({
              title: t('trainingLearning.learn.completeTitle'),
              content: t('trainingLearning.learn.completeText'),
              okText: t('trainingLearning.learn.complete'),
              cancelText: t('common.cancel'),
              onOk: () =>
                complete.mutateAsync(enrolment).then(
                  () => void message.success(t('trainingLearning.learn.completed')),
                  (error) => void message.error(learningErrorText(error, t)),
                ),
            })
          }
        >
          {t('trainingLearning.learn.complete')}
        </Button>
      </Flex>
    </Card>
  );
}
