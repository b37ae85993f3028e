import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Drawer, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevelName } from '../../levels/levels.api.ts';
import { periodLabel } from '../periods.ts';
import { ReviewEditor } from './ReviewEditor.tsx';
import { ReviewStatusTag } from './ReviewStatusTag.tsx';
import { ReviewView } from './ReviewView.tsx';
import { formCriteria, isOpenForEdit, mayLock, mayWrite, schemeFor } from './reviewRules.ts';
import { type TAppraisalCycle, type TReview, useReviewTransition } from './reviews.api.ts';

export interface ReviewSubject {
  id: string;
  name: string;
  levelId: string | null;
}

interface ReviewDrawerProps {
  cycle: TAppraisalCycle;
  rep: ReviewSubject | null;
  reviews: TReview[];
  onClose: () => void;
}

/**
 * One rep's reviews of a cycle side by side: the manager's (the form, for its author) and the self review.
 * A rep sees theirs the other way round: their self review to write, the manager's once it is submitted.
 */
export function ReviewDrawer({ cycle, rep, reviews, onClose }: ReviewDrawerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={rep !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 1000}
      title={rep && t('reviews.drawerTitle', { name: rep.name, cycle: cycle.name })}
      destroyOnHidden
    >
      {rep && <Reviews cycle={cycle} rep={rep} reviews={reviews} />}
    </Drawer>
  );
}

function Reviews({ cycle, rep, reviews }: { cycle: TAppraisalCycle; rep: ReviewSubject; reviews: TReview[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const levelName = useLevelName();
  const manager = reviews.find((r) => r.repId === rep.id && r.kind === 'manager') ?? null;
  const self = reviews.find((r) => r.repId === rep.id && r.kind === 'self') ?? null;
  const scheme = schemeFor(cycle, rep.levelId);
  const criteria = formCriteria(scheme, [manager, self]);
  const own: TReview['kind'] = user.id === rep.id ? 'self' : 'manager';
  const ownReview = own === 'self' ? self : manager;
  const other = own === 'self' ? manager : self;
  // The other side's draft is not theirs to show yet.
  const otherShown = other && other.status !== 'draft' ? other : null;
  const editable = isOpenForEdit(cycle, ownReview) && mayWrite(user, own, rep.id, ownReview);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Tag style={{ marginInlineEnd: 0 }}>{levelName(rep.levelId)}</Tag>
        <Typography.Text type="secondary">
          {t('reviews.cycleLine', {
            period: periodLabel(cycle.period, t),
            quantitative: cycle.quantitativeWeight,
            qualitative: 100 - cycle.quantitativeWeight,
          })}
        </Typography.Text>
        {cycle.status === 'closed' && <Tag color="default">{t('reviews.cycleClosed')}</Tag>}
      </Flex>
      {criteria.length === 0 && <Alert type="warning" showIcon title={t('reviews.noCriteria')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t(own === 'self' ? 'reviews.mySelfReview' : 'reviews.managerReview')}
            extra={
              <Flex gap={8} align="center">
                <ReviewStatusTag review={ownReview} testId={`review-status-${own}`} />
                {mayLock(user, manager) && own === 'manager' && manager && <LockButton review={manager} />}
              </Flex>
            }
          >
            {editable ? (
              <ReviewEditor cycle={cycle} repId={rep.id} kind={own} review={ownReview} criteria={criteria} />
            ) : (
              <ReviewView
                review={ownReview}
                criteria={criteria}
                emptyText={t(cycle.status === 'closed' ? 'reviews.closedUnwritten' : 'reviews.notYours')}
                testId={`review-view-${own}`}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t(own === 'self' ? 'reviews.managerReview' : 'reviews.selfReview')}
            extra={<ReviewStatusTag review={otherShown} />}
          >
            <ReviewView
              review={otherShown}
              criteria={criteria}
              emptyText={t(own === 'self' ? 'reviews.managerPending' : 'reviews.selfPending')}
              testId={`review-view-${own === 'self' ? 'manager' : 'self'}`}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** 锁定: a director or admin closes a submitted review to any change (scores stay as they are). */
function LockButton({ review }: { review: TReview }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const transition = useReviewTransition();
  return (
    <Button
      size="small"
      icon={<LockOutlined />}
      loading={transition.isPending}
      onClick={() =>
        modal.confirm({
          title: t('reviews.lockTitle'),
          content: t('reviews.lockText'),
          okText: t('reviews.lock'),
          cancelText: t('common.cancel'),
          onOk: () =>
            transition.mutateAsync({ review, action: 'lock' }).then(
              () => void message.success(t('reviews.locked')),
              (error) => showError(error),
            ),
        })
      }
    >
      {t('reviews.lock')}
    </Button>
  );
}
