import { useQueryClient } from '@tanstack/react-query';
import type { TTimelineEventKind } from '@tierline/contracts';
import { Empty, Flex, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { activityKeys, useTimeline } from '../activities.api.ts';
import { TIMELINE_KINDS, type TimelineScope } from '../timelineEvents.ts';
import { TimelineDays } from './TimelineDays.tsx';
import { TimelineFilters } from './TimelineFilters.tsx';

export interface TimelineProps {
  entity: TimelineScope;
  /** The customer's or deal's id. */
  id: string;
  /** The customer whose contacts and deals the events name: the customer itself, or the deal's customer. */
  customerId: string | null | undefined;
  /**
   * Something that changes when the record changes elsewhere on its page (a stage move, a claim, a new
   * tier): the timeline then reloads, as those changes are events on it.
   */
  stamp?: string | number;
}

/** 时间线: a customer's or deal's history, newest first, by day, with chips to narrow it by kind and "load more". */
export function Timeline({ entity, id, customerId, stamp }: TimelineProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<TTimelineEventKind[]>([]);
  const timeline = useTimeline(entity, id, kinds);

  const firstStamp = useRef(stamp);
  useEffect(() => {
    if (stamp === firstStamp.current) return;
    firstStamp.current = stamp;
    void queryClient.invalidateQueries({ queryKey: activityKeys.timeline(entity, id) });
  }, [stamp, entity, id, queryClient]);

  return (
    <div data-testid={`${entity}-timeline`}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <TimelineFilters kinds={TIMELINE_KINDS[entity]} value={kinds} onChange={setKinds} />
        {/* The timeline also shows stage moves, orders, payments…: the export is of its activities. */}
        <ExportButton
          list="activities"
          filters={entity === 'deal' ? { dealId: id } : { customerId: id }}
          label={t('exports.activities')}
          size="small"
        />
      </Flex>
      {timeline.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : timeline.isError ? (
        <LoadError error={timeline.error} onRetry={timeline.refetch} />
      ) : timeline.rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={kinds.length ? t('activities.timeline.emptyFiltered') : t('activities.timeline.empty')}
        />
      ) : (
        <>
          <TimelineDays events={timeline.rows} scope={entity} customerId={customerId} />
          <LoadMore
            count={timeline.rows.length}
            hasNextPage={timeline.hasNextPage}
            isFetchingNextPage={timeline.isFetchingNextPage}
            fetchNextPage={timeline.fetchNextPage}
          />
        </>
      )}
    </div>
  );
}
