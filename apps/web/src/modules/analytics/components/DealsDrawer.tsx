import type { TDeal } from '@tierline/contracts';
import { Drawer, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { useCursorList } from '../../../shared/list.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { localName, usePipelines } from '../../deals/deals.api.ts';
import { useUsersById } from '../../users/users.api.ts';

/** Which deals a figure counts, in the terms `GET /deals` filters by. */
export type DealsFilter = {
  pipelineId?: string;
  stageId?: string;
  ownerId?: string;
  teamId?: string;
  customerId?: string;
  status?: 'open' | 'won' | 'lost';
  forecastCategory?: TDeal['forecastCategory'];
};

interface DealsDrawerProps {
  /** null: closed. */
  filter: DealsFilter | null;
  title: string;
  onClose: () => void;
}

/**
 * The records behind a figure: the deals it counts (as far as the deals list filters reach — stage, owner, team,
 * forecast category; the figure's window is not a list filter), each a link to its page.
 */
export function DealsDrawer({ filter, title, onClose }: DealsDrawerProps) {
  const isPhone = useIsPhone();
  return (
    <Drawer open={filter !== null} onClose={onClose} title={title} size={isPhone ? '100%' : 720} destroyOnHidden>
      {filter && <DealsOfFigure filter={filter} />}
    </Drawer>
  );
}

function DealsOfFigure({ filter }: { filter: DealsFilter }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const list = useCursorList<TDeal>(['analytics', 'deals-behind', filter], '/deals', { ...filter, sort: '-createdAt' });
  const owners = useUsersById(list.rows.map((deal) => deal.ownerId));
  const { stageById } = usePipelines();
  const columns: TableProps<TDeal>['columns'] = [
    { key: 'name', title: t('analytics.deals.name'), render: (_, deal) => <Link to={`/deals/${deal.id}`}>{deal.name}</Link> },
    { key: 'stage', title: t('analytics.deals.stage'), render: (_, deal) => localName(stageById.get(deal.stageId), lng) },
    {
      key: 'amount',
      title: t('analytics.deals.amount'),
      align: 'right',
      render: (_, deal) => formatMoney(deal.amount, deal.currency, lng),
    },
    { key: 'owner', title: t('analytics.deals.owner'), render: (_, deal) => owners.get(deal.ownerId)?.name ?? '…' },
    { key: 'close', title: t('analytics.deals.expectedClose'), render: (_, deal) => formatDate(deal.expectedCloseDate, lng) },
  ];
  return <CursorTable<TDeal> list={list} columns={columns} size="small" data-testid="deals-behind" />;
}
