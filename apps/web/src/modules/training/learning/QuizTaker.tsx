import { CheckCircleFilled, CloseCircleFilled, FormOutlined, RedoOutlined } from '@ant-design/icons';
import type { TEnrolment, TQuizAttempt } from '@tierline/contracts';
import { App, Button, Card, Checkbox, Flex, Radio, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useEnrolmentQuiz, useSubmitAttempt } from './learning.api.ts';
import { learningErrorText } from './learningErrors.ts';
import {
  type AnswerState,
  chooseSingle,
  emptyAnswers,
  isAnswered,
  type LearnerQuestion,
  summarizeAttempt,
  toAttemptBody,
  toggleMultiple,
  unansweredNumbers,
} from './quizAnswers.ts';

interface QuizTakerProps {
  enrolment: TEnrolment;
  /** The last submission's result, kept by the caller so it outlives the enrolment closing. */
  attempt: TQuizAttempt | null;
  onAttempt: (attempt: TQuizAttempt | null) => void;
}

/**
 * 参加测验: every question on one page (radio buttons for single choice, checkboxes for multiple), submitted at once;
 * then the score, pass or fail, which questions were wrong (not the right answers), and a retry while attempts remain.
 */
export function QuizTaker({ enrolment, attempt, onAttempt }: QuizTakerProps) {
  const { t } = useTranslation();
  const [started, setStarted] = useState(attempt !== null);
  if (!started)
    return (
      <Button type="primary" icon={<FormOutlined />} onClick={() => setStarted(true)} data-testid="quiz-start">
        {t(enrolment.attemptsUsed > 0 ? 'trainingLearning.quiz.retake' : 'trainingLearning.quiz.take')}
      </Button>
    );
  return <QuizForm enrolment={enrolment} attempt={attempt} onAttempt={onAttempt} />;
}

function QuizForm({ enrolment, attempt, onAttempt }: QuizTakerProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const quiz = useEnrolmentQuiz(enrolment.id, true);
  const submit = useSubmitAttempt();
  const [answers, setAnswers] = useState<AnswerState>(emptyAnswers);

  if (quiz.isError && !quiz.data) return <LoadError error={quiz.error} onRetry={quiz.refetch} />;
  if (!quiz.data) return <Spin style={{ display: 'block', margin: 24 }} />;
  const questions = quiz.data.questions;
  const summary = attempt ? summarizeAttempt(questions, attempt) : null;
  const locked = attempt !== null;
  const results = new Map(attempt?.results.map((r) => [r.questionId, r.correct]));

  const send = () =>
    submit.mutateAsync({ enrolmentId: enrolment.id, answers: toAttemptBody(questions, answers).answers }).then(
      (result) => onAttempt(result),
      (error) => void message.error(learningErrorText(error, t)),
    );
  const onSubmit = () => {
    const missing = unansweredNumbers(questions, answers);
    if (missing.length === 0) return void send();
    modal.confirm({
      title: t('trainingLearning.quiz.unansweredTitle'),
      content: t('trainingLearning.quiz.unansweredText', { numbers: missing.join(t('common.listSeparator')) }),
      okText: t('trainingLearning.quiz.submitAnyway'),
      cancelText: t('trainingLearning.quiz.keepAnswering'),
      onOk: send,
    });
  };

  return (
    <Flex vertical gap={12} data-testid="quiz-form">
      {summary && attempt && (
        <Result
          status={attempt.passed ? 'success' : 'error'}
          style={{ padding: '16px 0' }}
          data-testid="quiz-result"
          title={t(attempt.passed ? 'trainingLearning.quiz.passed' : 'trainingLearning.quiz.failed', { score: attempt.score })}
          subTitle={
            <Flex vertical gap={4} align="center">
              <span>{t('trainingLearning.quiz.rightOf', { right: summary.right, total: summary.total, pass: quiz.data.passScore })}</span>
              {summary.wrongNumbers.length > 0 && (
                <span data-testid="quiz-wrong">
                  {t('trainingLearning.quiz.wrongList', { numbers: summary.wrongNumbers.join(t('common.listSeparator')) })}
                </span>
              )}
              {!attempt.passed && (
                <span>
                  {attempt.attemptsLeft === null
                    ? t('trainingLearning.quiz.attemptsUnlimited')
                    : t('trainingLearning.quiz.attemptsLeft', { count: attempt.attemptsLeft })}
                </span>
              )}
            </Flex>
          }
          extra={
            summary.canRetry && (
              <Button type="primary" icon={<RedoOutlined />} onClick={() => onAttempt(null)} data-testid="quiz-retry">
                {t('trainingLearning.quiz.retry')}
              </Button>
            )
          }
        />
      )}
      {questions.map((q, i) => (
        <QuestionBlock
          key={q.id}
          question={q}
          number={i + 1}
          chosen={answers[q.id] ?? []}
          locked={locked}
          correct={results.get(q.id)}
          onChange={setAnswers}
        />
      ))}
      {!locked && (
        <Flex gap={12} align="center" wrap>
          <Button type="primary" onClick={onSubmit} loading={submit.isPending} data-testid="quiz-submit">
            {t('trainingLearning.quiz.submit')}
          </Button>
          <Typography.Text type="secondary">
            {t('trainingLearning.quiz.answered', {
              count: questions.filter((q) => isAnswered(answers, q.id)).length,
              total: questions.length,
            })}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

interface QuestionBlockProps {
  question: LearnerQuestion;
  number: number;
  chosen: readonly string[];
  locked: boolean;
  /** After a submission: whether this question was right. */
  correct: boolean | undefined;
  onChange: (update: (state: AnswerState) => AnswerState) => void;
}

function QuestionBlock({ question: q, number, chosen, locked, correct, onChange }: QuestionBlockProps) {
  const { t } = useTranslation();
  const border = correct === undefined ? undefined : correct ? '#b7eb8f' : '#ffa39e';
  return (
    <Card size="small" type="inner" style={border ? { borderColor: border } : undefined} data-testid={`quiz-q-${number}`}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="flex-start" justify="space-between">
          <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }}>{`${number}. ${q.prompt}`}</Typography.Text>
          <Flex gap={4} style={{ flexShrink: 0 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`trainingLearning.kinds.${q.kind}`)}</Tag>
            {correct === true && (
              <Tag icon={<CheckCircleFilled />} color="success" style={{ marginInlineEnd: 0 }}>
                {t('trainingLearning.quiz.right')}
              </Tag>
            )}
            {correct === false && (
              <Tag icon={<CloseCircleFilled />} color="error" style={{ marginInlineEnd: 0 }}>
                {t('trainingLearning.quiz.wrong')}
              </Tag>
            )}
          </Flex>
        </Flex>
        {q.kind === 'single' ? (
          <Radio.Group
            disabled={locked}
            value={chosen[0]}
            onChange={(e) => onChange((s) => chooseSingle(s, q.id, e.target.value as string))}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={q.options.map((o) => ({ value: o.id, label: o.text }))}
          />
        ) : (
          <Flex vertical gap={6}>
            {q.options.map((o) => (
              <Checkbox
                key={o.id}
                disabled={locked}
                checked={chosen.includes(o.id)}
                onChange={(e) => onChange((s) => toggleMultiple(s, q.id, o.id, e.target.checked))}
              >
                {o.text}
              </Checkbox>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
