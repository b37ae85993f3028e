import type { TAnalyticsFilters, TWinLoss } from '@tierline/contracts';
import { Flex, Table, type TableProps, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useFigure } from '../analytics.api.ts';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, money } from '../figures.ts';
import { BySwitch } from './BySwitch.tsx';
import { type WinLossRow, winLossChartOption, winLossRows } from './closedDeals.charts.ts';
import { FigureStat } from './FigureStat.tsx';

export const WIN_LOSS_BY = ['lossReason', 'tier', 'level', 'processType'] as const;
type By = TWinLoss['by'];

/**
 * 赢输分析: the deals closed in the window, won against lost, by loss reason, customer tier, rep level or process type.
 * By loss reason only lost deals count (the share of all lost deals per reason).
 */
export function WinLossFigure({ filters }: { filters: TAnalyticsFilters }) {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlFilters<{ winLossBy?: string }>();
  const by: By = WIN_LOSS_BY.includes(url.winLossBy as By) ? (url.winLossBy as By) : 'lossReason';
  const query = { ...filters, by };
  const figures = useFigure<TWinLoss>('win-loss', query);
  return (
    <FigureCard<TWinLoss>
      title={t('analyticsPipeline.winLoss.title')}
      query={figures}
      figure={{ path: 'win-loss', query }}
      extra={
        <BySwitch<By>
          label={t('analyticsPipeline.byLabel')}
          value={by}
          onChange={(next) => setUrl({ winLossBy: next === 'lossReason' ? undefined : next })}
          options={WIN_LOSS_BY.map((b) => ({ value: b, label: t(`analyticsPipeline.winLoss.by.${b}`) }))}
          testId="win-loss-by"
        />
      }
      isEmpty={(w) => w.rows.length === 0 && (w.previous?.rows.length ?? 0) === 0}
      testId="figure-win-loss"
    >
      {(w) => <WinLossBody figures={w} />}
    </FigureCard>
  );
}

function WinLossBody({ figures }: { figures: TWinLoss }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const byReason = figures.by === 'lossReason';
  const rows = useMemo(() => winLossRows(figures, lng, t('analyticsPipeline.none')), [figures, lng, t]);
  const option = useMemo(
    () =>
      winLossChartOption(
        rows,
        figures.by,
        {
          won: t('analyticsPipeline.winLoss.won'),
          lost: t('analyticsPipeline.winLoss.lost'),
          winRate: (rate) => t('analyticsPipeline.winLoss.winRateLabel', { rate }),
        },
        { won: token.colorSuccess, lost: token.colorError, previous: token.colorBorder, text: token.colorText },
        lng,
        isPhone,
      ),
    [rows, figures.by, t, lng, token, isPhone],
  );
  const compare = Boolean(figures.previous);
  const columns: TableProps<WinLossRow>['columns'] = [
    { key: 'group', title: t(`analyticsPipeline.winLoss.by.${figures.by}`), dataIndex: 'name' },
    ...(byReason
      ? []
      : ([
          { key: 'won', title: t('analyticsPipeline.winLoss.won'), align: 'right', dataIndex: 'wonCount' },
          {
            key: 'wonAmount',
            title: t('analyticsPipeline.winLoss.wonAmount'),
            align: 'right',
            responsive: ['md'],
            render: (_, r) => money(r.wonAmount, lng),
          },
        ] satisfies TableProps<WinLossRow>['columns'])),
    {
      key: 'lost',
      title: t('analyticsPipeline.winLoss.lost'),
      align: 'right',
      render: (_, r) => <span data-testid="win-loss-lost">{r.lostCount}</span>,
    },
    {
      key: 'lostAmount',
      title: t('analyticsPipeline.winLoss.lostAmount'),
      align: 'right',
      responsive: ['md'],
      render: (_, r) => money(r.lostAmount, lng),
    },
    byReason
      ? { key: 'share', title: t('analyticsPipeline.winLoss.lostShare'), align: 'right', render: (_, r) => formatPercent(r.lostShare, lng) }
      : {
          key: 'winRate',
          title: t('analyticsPipeline.winLoss.winRate'),
          align: 'right',
          render: (_, r) => <span data-testid="win-loss-rate">{formatPercent(r.winRate, lng)}</span>,
        },
    ...(compare
      ? ([
          {
            key: 'previous',
            title: byReason ? t('analyticsPipeline.winLoss.previousLost') : t('analyticsPipeline.winLoss.previousWinRate'),
            align: 'right',
            responsive: ['sm'],
            render: (_, r) => (byReason ? (r.previous?.lostCount ?? 0) : formatPercent(r.previous?.winRate, lng)),
          },
          {
            key: 'delta',
            title: t('analyticsPipeline.delta'),
            align: 'right',
            render: (_, r) => <Delta rate={r.growth} lowerIsBetter={byReason} />,
          },
        ] satisfies TableProps<WinLossRow>['columns'])
      : []),
  ];
  const total = figures.totals;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap data-testid="win-loss-totals">
        {!byReason && (
          <FigureStat title={t('analyticsPipeline.winLoss.won')} value={`${total.wonCount} · ${money(total.wonAmount, lng, true)}`} />
        )}
        <FigureStat title={t('analyticsPipeline.winLoss.lost')} value={`${total.lostCount} · ${money(total.lostAmount, lng, true)}`} />
        {!byReason && <FigureStat title={t('analyticsPipeline.winLoss.winRate')} value={formatPercent(total.winRate, lng)} />}
      </Flex>
      <Chart
        option={option}
        height={byReason ? Math.max(160, rows.length * 34 + 24) : 260}
        label={t('analyticsPipeline.winLoss.chartLabel', { by: t(`analyticsPipeline.winLoss.by.${figures.by}`) })}
        testId="win-loss-chart"
      />
      <Table<WinLossRow>
        rowKey={(r) => r.key ?? '∅'}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="win-loss-table"
      />
    </Flex>
  );
}
