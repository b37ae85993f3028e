import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { type TLevelEvaluation, useDecideLevel, useLevelName } from '../levels.api.ts';

interface DecisionValues {
  /** Empty: today in the organisation's time zone, which the server knows and the browser may not share. */
  effectiveOn?: string;
  comment: string;
}

/**
 * 接受 or 驳回 a recommended move. Both need a comment (the rep and the audit read why); an accepted
 * change takes effect on the date given, today by default — the organisation's today, so the field stays
 * empty rather than guessing it from the browser's clock.
 */
export function DecisionForm({ evaluation: e, period }: { evaluation: TLevelEvaluation; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const levelName = useLevelName();
  const decide = useDecideLevel();
  const [form] = Form.useForm<DecisionValues>();

  const submit = async (decision: 'accept' | 'reject') => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    decide.mutate(
      {
        repId: e.repId,
        period,
        decision,
        comment: values.comment.trim(),
        ...(decision === 'accept' && values.effectiveOn ? { effectiveOn: values.effectiveOn } : {}),
      },
      {
        onSuccess: () =>
          void message.success(
            t(decision === 'accept' ? 'levelEvaluation.decision.acceptedToast' : 'levelEvaluation.decision.rejectedToast'),
          ),
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Card size="small" title={t('levelEvaluation.decision.formTitle')} data-testid="level-decision-form">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t(`levelEvaluation.decision.intro.${e.recommendation === 'demote' ? 'demote' : 'promote'}`, {
          from: levelName(e.levelId),
          to: levelName(e.toLevelId),
        })}
      </Typography.Paragraph>
      <Form<DecisionValues> form={form} layout="vertical" requiredMark={false} initialValues={{ comment: '' }}>
        <Form.Item name="effectiveOn" label={t('levelEvaluation.decision.effectiveOn')} extra={t('levelEvaluation.decision.effectiveHint')}>
          <Input type="date" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('levelEvaluation.decision.comment')}
          rules={[{ required: true, whitespace: true, message: t('levelEvaluation.decision.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('levelEvaluation.decision.commentPlaceholder')} />
        </Form.Item>
        <Flex gap={8} justify="flex-end" wrap>
          <Button danger onClick={() => void submit('reject')} loading={decide.isPending && decide.variables?.decision === 'reject'}>
            {t('levelEvaluation.decision.reject')}
          </Button>
          <Button
            type="primary"
            onClick={() => void submit('accept')}
            loading={decide.isPending && decide.variables?.decision === 'accept'}
          >
            {t('levelEvaluation.decision.accept')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
