import { Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownCriterion, REVIEW_STATE_COLORS, reviewState } from './reviewRules.ts';
import type { TReview } from './reviews.api.ts';

/** 未开始, 草稿, 已提交, 已锁定. */
export function ReviewStatusTag({ review, testId }: { review: Pick<TReview, 'status'> | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  const state = reviewState(review);
  return (
    <Tag color={REVIEW_STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`reviews.states.${state}`)}
    </Tag>
  );
}

/** 经理评分, 客户反馈, 团队协作; an organisation's own criterion by its key. */
export function useCriterionLabel(): (key: string) => string {
  const { t } = useTranslation();
  return useCallback((key: string) => (isKnownCriterion(key) ? t(`reviews.criteria.${key}`) : key), [t]);
}
