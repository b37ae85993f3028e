import type { TPoolEvent } from '@tierline/contracts';
import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { usePoolEvents } from '../pool.api.ts';

const KIND_COLORS: Record<TPoolEvent['kind'], string> = { claim: 'green', release: 'orange', reclaim: 'red', warning: 'gold' };

/** The customer's claims, releases, reclaims and warnings, each with its reason. */
export function PoolEventList({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const events = usePoolEvents(customerId);
  const people = useUsersById(events.rows.flatMap((e) => [e.userId, e.actorId]));
  if (events.isPending) return <Spin />;
  if (!events.rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.noEvents')} />;
  return (
    <>
      <Timeline
        items={events.rows.map((e) => ({
          key: e.id,
          color: KIND_COLORS[e.kind],
          content: (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {formatDateTime(e.at, i18n.language)}
              </Typography.Text>
              <Tag color={KIND_COLORS[e.kind]}>{t(`pool.kinds.${e.kind}`)}</Tag>
              {e.userId && <Typography.Text>{people.get(e.userId)?.name ?? '…'}</Typography.Text>}
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {e.reason}
              </Typography.Text>
            </>
          ),
        }))}
      />
      <LoadMore
        count={events.rows.length}
        hasNextPage={events.hasNextPage}
        isFetchingNextPage={events.isFetchingNextPage}
        fetchNextPage={events.fetchNextPage}
      />
    </>
  );
}
