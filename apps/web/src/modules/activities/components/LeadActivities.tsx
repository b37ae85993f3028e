import { Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useActivityList } from '../activities.api.ts';
import { activityAsEvent } from '../timelineEvents.ts';
import { TimelineDays } from './TimelineDays.tsx';

/**
 * A lead's activities, read like a timeline (a lead has no other history to merge). After conversion new
 * activities go on the customer it became; these stay with the lead.
 */
export function LeadActivities({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const list = useActivityList({ leadId });
  let body: ReactNode;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={list.refetch} />;
  else if (list.rows.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.lead.empty')} />;
  else
    body = (
      <>
        <TimelineDays events={list.rows.map(activityAsEvent)} scope="customer" customerId={null} />
        <LoadMore
          count={list.rows.length}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
        />
      </>
    );
  return (
    <Card size="small" title={t('activities.lead.title')} data-testid="lead-activities">
      {body}
    </Card>
  );
}
