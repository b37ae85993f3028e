import type { TServiceBreachReport } from '@tierline/contracts';
import { Flex, Segmented, Spin, Table, type TableProps, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../shared/Chart.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { type BreachQuery, useBreachReport } from '../serviceRequests.api.ts';
import { breachRate } from '../sla.ts';
import { useDurationText } from '../useDurationText.ts';
import { DateRangeInputs } from './DateRangeInputs.tsx';

type Group = TServiceBreachReport['groups'][number];
/** A group, or the total under them (rowKey "total"); the total is a row so phones hide the same columns in it. */
type Row = Group & { rowKey: string };
const TOTAL = 'total';

/** 超时统计: per rep or per team, how many requests were answered in time, breached or still pending. */
export function BreachReport() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const duration = useDurationText();
  const [query, setQuery] = useState<BreachQuery>({ groupBy: 'rep' });
  const report = useBreachReport(query);
  const groupWord = query.groupBy === 'rep' ? t('service.breaches.rep') : t('service.breaches.team');
  const labelOf = (g: Group) => g.label ?? (query.groupBy === 'team' ? t('service.breaches.noTeam') : t('service.breaches.unknown'));
  const groups = report.data?.groups ?? [];
  const rows: Row[] = groups.map((g) => ({ ...g, rowKey: g.key ?? 'none' }));
  if (report.data && groups.length > 1) rows.push({ ...report.data.total, key: null, label: null, rowKey: TOTAL });

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'label',
      title: groupWord,
      render: (_, g) => (g.rowKey === TOTAL ? <Typography.Text strong>{t('service.breaches.total')}</Typography.Text> : labelOf(g)),
    },
    { key: 'requests', title: t('service.breaches.requests'), dataIndex: 'requests', align: 'right' },
    { key: 'answeredInSla', title: t('service.breaches.answeredInSla'), dataIndex: 'answeredInSla', align: 'right', responsive: ['sm'] },
    {
      key: 'breached',
      title: t('service.breaches.breached'),
      dataIndex: 'breached',
      align: 'right',
      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
    },
    { key: 'pending', title: t('service.breaches.pending'), dataIndex: 'pending', align: 'right', responsive: ['md'] },
    {
      key: 'rate',
      title: t('service.breaches.breachRate'),
      align: 'right',
      render: (_, g) => {
        const rate = breachRate(g);
        return rate === null ? '—' : `${rate}%`;
      },
    },
    {
      key: 'mean',
      title: t('service.breaches.meanFirstResponse'),
      dataIndex: 'meanFirstResponseMinutes',
      align: 'right',
      responsive: ['sm'],
      render: (m: number | null) => (m === null ? '—' : duration(m)),
    },
  ];

  const option = useMemo<ChartOption>(() => {
    const groups = [...(report.data?.groups ?? [])].reverse();
    const names = groups.map((g) => g.label ?? (query.groupBy === 'team' ? t('service.breaches.noTeam') : t('service.breaches.unknown')));
    const series = (name: string, color: string, values: number[]) => ({
      type: 'bar' as const,
      name,
      stack: 'requests',
      data: values,
      itemStyle: { color },
      barMaxWidth: 22,
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, axisLabel: { width: isPhone ? 80 : 140, overflow: 'truncate' } },
      series: [
        series(
          t('service.breaches.answeredInSla'),
          token.colorSuccess,
          groups.map((g) => g.answeredInSla),
        ),
        series(
          t('service.breaches.breached'),
          token.colorError,
          groups.map((g) => g.breached),
        ),
        series(
          t('service.breaches.pending'),
          token.colorPrimary,
          groups.map((g) => g.pending),
        ),
      ],
    };
  }, [report.data, query.groupBy, t, token, isPhone]);

  return (
    <div data-testid="breach-report">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Segmented<BreachQuery['groupBy']>
          aria-label={t('service.breaches.groupBy')}
          value={query.groupBy}
          onChange={(groupBy) => setQuery((q) => ({ ...q, groupBy }))}
          options={[
            { value: 'rep', label: t('service.breaches.byRep') },
            { value: 'team', label: t('service.breaches.byTeam') },
          ]}
        />
        <DateRangeInputs from={query.from} to={query.to} onChange={(patch) => setQuery((q) => ({ ...q, ...patch }))} block={isPhone} />
      </Flex>
      {report.isError && !report.data ? (
        <LoadError error={report.error} onRetry={report.refetch} />
      ) : !report.data ? (
        <Spin style={{ display: 'block', margin: 32 }} />
      ) : (
        <>
          {groups.length > 0 && (
            <Chart
              option={option}
              height={Math.max(160, groups.length * 36 + 60)}
              label={t('service.breaches.chartLabel', { group: groupWord })}
              testId="breach-chart"
            />
          )}
          <Table<Row>
            rowKey="rowKey"
            columns={columns}
            dataSource={rows}
            loading={report.isFetching}
            pagination={false}
            size="middle"
            locale={{ emptyText: t('service.breaches.empty') }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('service.breaches.asOf', { at: formatDateTime(report.data.asOf, i18n.language) })}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
