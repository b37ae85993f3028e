import type { TLevelScheme } from '@tierline/contracts';
import { App, Button, Flex, Form, Input, Rate, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useShowError } from '../../../shared/errors.ts';
import { formatNumber } from '../../../shared/format.ts';
import { useCriterionLabel } from './ReviewStatusTag.tsx';
import { qualitativeScore, type ReviewFormValues, toDraft, toFormValues, unrated } from './reviewRules.ts';
import { type TAppraisalCycle, type TReview, useReviewTransition, useSaveReview } from './reviews.api.ts';

interface ReviewEditorProps {
  cycle: TAppraisalCycle;
  repId: string;
  kind: TReview['kind'];
  review: TReview | null;
  criteria: TLevelScheme['criteria'];
}

/**
 * The review form: a 1–5 rating and a comment per criterion, an overall comment; 保存草稿 keeps it editable,
 * 提交 (after a confirmation, and only with every weighted criterion rated) hands it over for good.
 */
export function ReviewEditor({ cycle, repId, kind, review, criteria }: ReviewEditorProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const label = useCriterionLabel();
  const save = useSaveReview();
  const transition = useReviewTransition();
  const [form] = Form.useForm<ReviewFormValues>();
  const watched = Form.useWatch([], form) as ReviewFormValues | undefined;
  const busy = save.isPending || transition.isPending;

  // Load the saved review once per version: a save answers the new version, which resets nothing typed since.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the review's identity and version on purpose
  useEffect(() => {
    form.setFieldsValue(toFormValues(review, criteria));
  }, [review?.id, review?.version, form]);

  const current = (): ReviewFormValues => form.getFieldsValue(true) as ReviewFormValues;
  const persist = () => save.mutateAsync({ review, create: { cycleId: cycle.id, repId, kind }, draft: toDraft(current(), criteria) });
  const preview = watched?.ratings ? qualitativeScore(toDraft(watched, criteria).ratings, criteria) : null;

  const onSaveDraft = () =>
    persist().then(
      () => void message.success(t('reviews.saved')),
      (error) => showError(error),
    );

  const onSubmit = () => {
    const missing = unrated(current(), criteria);
    if (missing.length > 0) {
      form.setFields(missing.map((key) => ({ name: ['ratings', key, 'score'], errors: [t('reviews.rateRequired')] })));
      void message.warning(t('reviews.rateAll', { criteria: missing.map(label).join(t('common.listSeparator')) }));
      return;
    }
    modal.confirm({
      title: t(kind === 'self' ? 'reviews.submitSelfTitle' : 'reviews.submitTitle'),
      content: t('reviews.submitText'),
      okText: t('reviews.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const saved = await persist();
          await transition.mutateAsync({ review: saved, action: 'submit' });
          void message.success(t('reviews.submitted'));
        } catch (error) {
          showError(error);
          // A stale version: the list refetches; the form shows the saved review on the next open.
          if (!isApiError(error, 409)) throw error;
        }
      },
    });
  };

  return (
    <Form<ReviewFormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={busy}
      data-testid={`review-form-${kind}`}
      // A rating given clears the "rate this" a refused submit put under it.
      onValuesChange={(changed: Partial<ReviewFormValues>) =>
        form.setFields(
          Object.entries(changed.ratings ?? {})
            .filter(([, v]) => v?.score)
            .map(([key]) => ({ name: ['ratings', key, 'score'], errors: [] })),
        )
      }
    >
      <Flex vertical gap={4}>
        {criteria.map((c) => (
          <div key={c.key} data-testid="review-criterion" data-key={c.key}>
            <Form.Item
              name={['ratings', c.key, 'score']}
              label={
                <span>
                  {label(c.key)}
                  {c.weight > 0 && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                      {t('reviews.weight', { weight: c.weight })}
                    </Typography.Text>
                  )}
                </span>
              }
              style={{ marginBottom: 4 }}
            >
              <Rate aria-label={label(c.key)} />
            </Form.Item>
            <Form.Item name={['ratings', c.key, 'comment']} style={{ marginBottom: 12 }}>
              <Input.TextArea
                rows={2}
                maxLength={2000}
                placeholder={t('reviews.criterionComment')}
                aria-label={t('reviews.criterionCommentOf', { criterion: label(c.key) })}
              />
            </Form.Item>
          </div>
        ))}
        <Form.Item name="comment" label={t('reviews.overallComment')}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary" data-testid="review-preview">
            {preview === null ? '' : t('reviews.preview', { score: formatNumber(preview, i18n.language, 1) })}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onSaveDraft} loading={save.isPending && !transition.isPending} disabled={busy}>
              {t('reviews.saveDraft')}
            </Button>
            <Button type="primary" onClick={onSubmit} disabled={busy} data-testid="review-submit">
              {t('reviews.submit')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Form>
  );
}
