import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { ReviewStatusTag } from './ReviewStatusTag.tsx';
import { isOpenForEdit } from './reviewRules.ts';
import type { TAppraisalCycle, TReview } from './reviews.api.ts';

/** A rep's own reviews of the cycle: their self review to write, and the manager's once submitted. */
export function MyReviews({ cycle, reviews, onOpen }: { cycle: TAppraisalCycle; reviews: TReview[]; onOpen: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const self = reviews.find((r) => r.repId === user.id && r.kind === 'self') ?? null;
  const manager = reviews.find((r) => r.repId === user.id && r.kind === 'manager') ?? null;
  const writes = isOpenForEdit(cycle, self);
  return (
    <Card size="small" data-testid="my-reviews">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex gap={24} wrap>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('reviews.mySelfReview')}</Typography.Text>
            <ReviewStatusTag review={self} testId="review-self-state" />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('reviews.managerReview')}</Typography.Text>
            <ReviewStatusTag review={manager?.status === 'draft' ? null : manager} testId="review-manager-state" />
          </Flex>
        </Flex>
        <Button type={writes ? 'primary' : 'default'} onClick={onOpen} data-testid="review-open">
          {writes ? (self ? t('reviews.continueSelf') : t('reviews.writeSelf')) : t('reviews.view')}
        </Button>
      </Flex>
    </Card>
  );
}
