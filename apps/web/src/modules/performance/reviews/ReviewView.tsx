import type { TLevelScheme } from '@tierline/contracts';
import { Empty, Flex, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { useCriterionLabel } from './ReviewStatusTag.tsx';
import { qualitativeScore } from './reviewRules.ts';
import type { TReview } from './reviews.api.ts';

/** A review as written, read only: each criterion's rating and comment, the overall comment, when it was submitted. */
export function ReviewView({
  review,
  criteria,
  emptyText,
  testId,
}: {
  review: TReview | null;
  criteria: TLevelScheme['criteria'];
  emptyText: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  if (!review) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const byKey = new Map(review.ratings.map((r) => [r.key, r]));
  // Only the manager's review counts in the scorecard; a self review's stars are the rep's view, not a score.
  const score = review.kind === 'manager' ? qualitativeScore(review.ratings, criteria) : null;
  return (
    <Flex vertical gap={12} data-testid={testId}>
      {criteria.map((c) => {
        const rating = byKey.get(c.key);
        return (
          <Flex key={c.key} vertical gap={2}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text>{label(c.key)}</Typography.Text>
              {rating ? (
                <Rate disabled value={rating.score} style={{ fontSize: 16 }} />
              ) : (
                <Typography.Text type="secondary">{t('reviews.notRated')}</Typography.Text>
              )}
            </Flex>
            {rating?.comment && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                {rating.comment}
              </Typography.Text>
            )}
          </Flex>
        );
      })}
      <Flex vertical gap={2}>
        <Typography.Text>{t('reviews.overallComment')}</Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {review.comment || t('reviews.noComment')}
        </Typography.Text>
      </Flex>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {review.submittedAt ? t('reviews.submittedAt', { at: formatDateTime(review.submittedAt, i18n.language) }) : ''}
        </Typography.Text>
        {score !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="review-score">
            {t('reviews.score', { score: formatNumber(score, i18n.language, 1) })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
