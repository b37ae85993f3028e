import { Card, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { periodLabel } from '../periods.ts';
import { MyReviews } from '../reviews/MyReviews.tsx';
import { ReviewDrawer, type ReviewSubject } from '../reviews/ReviewDrawer.tsx';
import { defaultCycle } from '../reviews/reviewRules.ts';
import { useAppraisalCycles, useCycleReviews } from '../reviews/reviews.api.ts';
import { TeamReviews } from '../reviews/TeamReviews.tsx';

type UrlState = { cycleId?: string; teamId?: string; rep?: string };

/**
 * 考核: pick an appraisal cycle; a manager sees their reps with where each review stands and writes the
 * manager reviews beside the reps' self reviews; a rep writes their self review and reads the manager's.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const cycles = useAppraisalCycles();
  const list = cycles.data ?? [];
  const cycle = list.find((c) => c.id === url.cycleId) ?? defaultCycle(list);
  const reviews = useCycleReviews(cycle?.id);
  const isRep = user.role === 'rep';
  const picked = useUsersById(isRep ? [] : [url.rep]);
  const pickedUser = url.rep ? picked.get(url.rep) : undefined;
  const subject: ReviewSubject | null = !url.rep
    ? null
    : isRep
      ? { id: user.id, name: user.name, levelId: user.levelId }
      : pickedUser
        ? { id: pickedUser.id, name: pickedUser.name, levelId: pickedUser.levelId }
        : null;

  const picker = (
    <Select<string>
      value={cycle?.id}
      onChange={(cycleId) => setUrl({ cycleId, rep: undefined })}
      loading={cycles.isPending}
      aria-label={t('reviews.cycle')}
      placeholder={t('reviews.cycle')}
      data-testid="review-cycle"
      style={{ width: isPhone ? '100%' : 280 }}
      options={list.map((c) => ({ value: c.id, label: c.name }))}
      // The name usually says the period already; the list adds it, and whether the cycle is closed.
      optionRender={(option) => {
        const c = list.find((x) => x.id === option.value);
        return (
          <Flex justify="space-between" gap={8}>
            <span>{option.label}</span>
            {c && (
              <Typography.Text type="secondary">
                {periodLabel(c.period, t)}
                {c.status === 'closed' && ` · ${t('reviews.cycleClosed')}`}
              </Typography.Text>
            )}
          </Flex>
        );
      }}
      popupMatchSelectWidth={false}
    />
  );

  let body: ReactNode;
  if (cycles.isError) body = <LoadError error={cycles.error} onRetry={cycles.refetch} />;
  else if (cycles.isPending) body = <Skeleton active />;
  else if (!cycle) body = <Empty description={t('reviews.noCycles')} />;
  else if (reviews.isError) body = <LoadError error={reviews.error} onRetry={reviews.refetch} />;
  else if (isRep) body = <MyReviews cycle={cycle} reviews={reviews.data ?? []} onOpen={() => setUrl({ rep: user.id })} />;
  else
    body = (
      <TeamReviews
        cycle={cycle}
        reviews={reviews.data ?? []}
        teamId={url.teamId}
        onTeam={(teamId) => setUrl({ teamId })}
        onOpen={(rep) => setUrl({ rep: rep.id })}
      />
    );

  return (
    <>
      <PageHeader title={t('reviews.title')} extra={picker} />
      <Typography.Paragraph type="secondary">{t(isRep ? 'reviews.introRep' : 'reviews.intro')}</Typography.Paragraph>
      {cycle && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Tag color={cycle.status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(cycle.status === 'open' ? 'reviews.cycleOpen' : 'reviews.cycleClosed')}
          </Tag>
          <Typography.Text type="secondary">
            {t('reviews.cycleLine', {
              period: periodLabel(cycle.period, t),
              quantitative: cycle.quantitativeWeight,
              qualitative: 100 - cycle.quantitativeWeight,
            })}
          </Typography.Text>
        </Flex>
      )}
      <Card>{body}</Card>
      {cycle && <ReviewDrawer cycle={cycle} rep={subject} reviews={reviews.data ?? []} onClose={() => setUrl({ rep: undefined })} />}
    </>
  );
}
