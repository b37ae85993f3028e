import type { TAnalyticsFilters, TFunnel } from '@tierline/contracts';
import { Button, Flex, Segmented, Select, Table, type TableProps, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { localName, usePipelines } from '../../deals/deals.api.ts';
import { useFigure } from '../analytics.api.ts';
import { DealsDrawer, type DealsFilter } from '../components/DealsDrawer.tsx';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, growth, money } from '../figures.ts';
import { FigureStat } from './FigureStat.tsx';
import { type FunnelRow, funnelChartOption, funnelRows } from './funnel.charts.ts';

interface FunnelFigureProps {
  filters: TAnalyticsFilters;
  /** The pipeline shown (the first one until the viewer picks another). */
  pipelineId: string | undefined;
  onPipeline: (pipelineId: string) => void;
}

/**
 * 阶段转化: one pipeline's stages with the deals that entered each in the window and how many moved on, as bars and
 * as a table; compare adds the previous window's. A stage opens the deals in it now.
 */
export function FunnelFigure({ filters, pipelineId, onPipeline }: FunnelFigureProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const { pipelines } = usePipelines();
  const [drawer, setDrawer] = useState<{ filter: DealsFilter; stage: string } | null>(null);
  const query = { ...filters, pipelineId };
  const funnel = useFigure<TFunnel>('funnel', query, Boolean(pipelineId));
  // The deals list filters by team and owner too, so the drawer keeps those of the page's filters (not the window,
  // region, tier or level: the list has no such filters).
  const open = (row: FunnelRow) =>
    pipelineId &&
    setDrawer({ filter: { pipelineId, stageId: row.stageId, teamId: filters.teamId, ownerId: filters.repId }, stage: row.name });

  const picker =
    isPhone || pipelines.length > 3 ? (
      <Select<string>
        aria-label={t('analyticsPipeline.funnel.pipeline')}
        value={pipelineId}
        onChange={onPipeline}
        options={pipelines.map((p) => ({ value: p.id, label: localName(p, lng) }))}
        size="small"
        style={{ width: 140 }}
        data-testid="funnel-pipeline"
      />
    ) : (
      <Segmented<string>
        aria-label={t('analyticsPipeline.funnel.pipeline')}
        size="small"
        value={pipelineId}
        onChange={onPipeline}
        options={pipelines.map((p) => ({ value: p.id, label: localName(p, lng) }))}
        data-testid="funnel-pipeline"
      />
    );

  return (
    <>
      <FigureCard<TFunnel>
        title={t('analyticsPipeline.funnel.title')}
        query={funnel}
        figure={{ path: 'funnel', query }}
        extra={picker}
        isEmpty={(f) => f.stages.length === 0}
        testId="figure-funnel"
      >
        {(f) => <FunnelBody funnel={f} onOpen={open} />}
      </FigureCard>
      <DealsDrawer
        filter={drawer?.filter ?? null}
        title={t('analyticsPipeline.funnel.drawerTitle', { stage: drawer?.stage ?? '' })}
        onClose={() => setDrawer(null)}
      />
    </>
  );
}

function FunnelBody({ funnel, onOpen }: { funnel: TFunnel; onOpen: (row: FunnelRow) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const rows = useMemo(() => funnelRows(funnel, lng), [funnel, lng]);
  const compare = Boolean(funnel.previous);
  const option = useMemo(
    () =>
      funnelChartOption(
        rows,
        {
          entered: t('analyticsPipeline.funnel.entered'),
          previous: t('analytics.previous'),
          conversion: (rate) => t('analyticsPipeline.funnel.conversionLabel', { rate }),
        },
        { open: token.colorPrimary, won: token.colorSuccess, lost: token.colorError, previous: token.colorBorder, text: token.colorText },
        lng,
        isPhone,
      ),
    [rows, t, lng, token, isPhone],
  );
  const totals = funnel.totals;
  const before = funnel.previous?.totals;
  const delta = (now: string | number | null, then: string | number | null | undefined) =>
    compare ? (now === null ? null : growth(now, then)) : undefined;

  const columns: TableProps<FunnelRow>['columns'] = [
    {
      key: 'stage',
      title: t('analyticsPipeline.funnel.stage'),
      render: (_, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row)} data-testid="funnel-stage-link">
          {row.name}
        </Button>
      ),
    },
    {
      key: 'entered',
      title: t('analyticsPipeline.funnel.entered'),
      align: 'right',
      render: (_, row) => <span data-testid="funnel-entered">{row.enteredCount}</span>,
    },
    {
      key: 'enteredAmount',
      title: t('analyticsPipeline.funnel.enteredAmount'),
      align: 'right',
      responsive: ['lg'],
      render: (_, row) => money(row.enteredAmount, lng),
    },
    {
      key: 'advanced',
      title: t('analyticsPipeline.funnel.advanced'),
      align: 'right',
      responsive: ['md'],
      render: (_, row) => (row.kind === 'open' ? row.advancedCount : '—'),
    },
    {
      key: 'conversion',
      title: t('analyticsPipeline.funnel.conversion'),
      align: 'right',
      render: (_, row) => <span data-testid="funnel-conversion">{formatPercent(row.conversionRate, lng)}</span>,
    },
    ...(compare
      ? ([
          {
            key: 'previousEntered',
            title: t('analyticsPipeline.funnel.previousEntered'),
            align: 'right',
            responsive: ['sm'],
            render: (_, row) => <span data-testid="funnel-previous-entered">{row.previous?.enteredCount ?? 0}</span>,
          },
          {
            key: 'previousConversion',
            title: t('analyticsPipeline.funnel.previousConversion'),
            align: 'right',
            responsive: ['md'],
            render: (_, row) => formatPercent(row.previous?.conversionRate, lng),
          },
          {
            key: 'delta',
            title: t('analyticsPipeline.delta'),
            align: 'right',
            render: (_, row) => <Delta rate={row.enteredGrowth} lowerIsBetter={row.kind === 'lost'} />,
          },
        ] satisfies TableProps<FunnelRow>['columns'])
      : []),
    {
      key: 'openNow',
      title: t('analyticsPipeline.funnel.openNow'),
      align: 'right',
      responsive: ['xl'],
      render: (_, row) => (row.currentCount === null ? '—' : `${row.currentCount} · ${money(row.currentAmount, lng, true)}`),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap data-testid="funnel-totals">
        <FigureStat
          title={t('analyticsPipeline.funnel.created')}
          value={totals.createdCount}
          delta={delta(totals.createdCount, before?.createdCount)}
          testId="funnel-created"
        />
        <FigureStat
          title={t('analyticsPipeline.funnel.won')}
          value={`${totals.wonCount} · ${money(totals.wonAmount, lng, true)}`}
          delta={delta(totals.wonAmount, before?.wonAmount)}
          testId="funnel-won"
        />
        <FigureStat
          title={t('analyticsPipeline.funnel.lost')}
          value={`${totals.lostCount} · ${money(totals.lostAmount, lng, true)}`}
          delta={delta(totals.lostAmount, before?.lostAmount)}
          lowerIsBetter
          testId="funnel-lost"
        />
        <FigureStat
          title={t('analyticsPipeline.funnel.closedWinRate')}
          value={formatPercent(totals.closedWinRate, lng)}
          delta={delta(totals.closedWinRate, before?.closedWinRate)}
          testId="funnel-win-rate"
        />
      </Flex>
      <Chart
        option={option}
        height={Math.max(180, rows.length * (compare ? 44 : 36) + (compare ? 40 : 16))}
        label={t('analyticsPipeline.funnel.chartLabel', { pipeline: localName(funnel.pipeline, lng) })}
        testId="funnel-chart"
        onItemClick={({ dataIndex }) => {
          const row = rows[dataIndex];
          if (row) onOpen(row);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analyticsPipeline.funnel.note')}
      </Typography.Text>
      <Table<FunnelRow> rowKey="stageId" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="funnel-table" />
    </Flex>
  );
}
