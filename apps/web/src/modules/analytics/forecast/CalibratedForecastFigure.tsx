import type { TCalibratedForecast, TCalibratedForecastRep, TCalibratedForecastTeam, TForecastPipeline } from '@tierline/contracts';
import { Button, Flex, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { periodLabel } from '../../performance/periods.ts';
import { useFigure } from '../analytics.api.ts';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, money } from '../figures.ts';
import { BySwitch } from '../pipeline/BySwitch.tsx';
import { FigureStat } from '../pipeline/FigureStat.tsx';
import { CalibrationDetail } from './CalibrationDetail.tsx';
import { forecastQuarters, periodWindow } from './forecastPeriod.ts';

/**
 * 校准预测: each rep's commit for the quarter weighted by how right their past commits proved, per rep and per team,
 * with how each figure was computed. Only the team filter applies (the API lists reps by team); the open pipeline of
 * the quarter (commit and best case) is shown above for the same team.
 */
export function CalibratedForecastFigure({ teamId }: { teamId: string | undefined }) {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlFilters<{ period?: string }>();
  const { thisQuarter, nextQuarter } = forecastQuarters();
  const period = url.period === nextQuarter ? nextQuarter : thisQuarter;
  const query = { period, teamId };
  const figures = useFigure<TCalibratedForecast>('forecast/calibrated', query);
  return (
    <FigureCard<TCalibratedForecast>
      title={t('analyticsPipeline.calibrated.title')}
      query={figures}
      figure={{ path: 'forecast/calibrated', query }}
      extra={
        <BySwitch<string>
          label={t('analyticsPipeline.calibrated.periodLabel')}
          value={period}
          onChange={(next) => setUrl({ period: next === thisQuarter ? undefined : next })}
          options={[
            { value: thisQuarter, label: t('analyticsPipeline.calibrated.thisQuarter') },
            { value: nextQuarter, label: t('analyticsPipeline.calibrated.nextQuarter') },
          ]}
          testId="calibrated-period"
        />
      }
      isEmpty={(f) => f.reps.length === 0}
      testId="figure-calibrated"
    >
      {(f) => <CalibratedBody figures={f} teamId={teamId} />}
    </FigureCard>
  );
}

function CalibratedBody({ figures, teamId }: { figures: TCalibratedForecast; teamId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState<string[]>([]);
  const dates = periodWindow(figures.period);
  const open = useFigure<TForecastPipeline>('forecast/pipeline', { ...dates, teamId }, Boolean(dates));
  const category = (c: 'commit' | 'best_case') => open.data?.categories.find((k) => k.category === c);
  const openFigure = (c: 'commit' | 'best_case') => {
    const k = category(c);
    return k
      ? t('analyticsPipeline.calibrated.openValue', { amount: money(k.amount, lng, true), weighted: money(k.weightedAmount, lng, true) })
      : '…';
  };
  const toggle = (repId: string) => setExpanded((keys) => (keys.includes(repId) ? keys.filter((k) => k !== repId) : [...keys, repId]));
  const total = figures.total;

  const teamColumns: TableProps<TCalibratedForecastTeam>['columns'] = [
    {
      key: 'team',
      title: t('analyticsPipeline.calibrated.team'),
      render: (_, r) => r.teamName ?? t('analyticsPipeline.calibrated.noTeam'),
    },
    {
      key: 'reps',
      title: t('analyticsPipeline.calibrated.committedReps'),
      align: 'right',
      responsive: ['sm'],
      render: (_, r) => `${r.repsCommitted} / ${r.reps}`,
    },
    { key: 'committed', title: t('analyticsPipeline.calibrated.committed'), align: 'right', render: (_, r) => money(r.committed, lng) },
    {
      key: 'won',
      title: t('analyticsPipeline.calibrated.wonSoFar'),
      align: 'right',
      responsive: ['md'],
      render: (_, r) => money(r.wonSoFar, lng),
    },
    {
      key: 'calibrated',
      title: t('analyticsPipeline.calibrated.calibrated'),
      align: 'right',
      render: (_, r) => <strong>{money(r.calibrated, lng)}</strong>,
    },
  ];
  const repColumns: TableProps<TCalibratedForecastRep>['columns'] = [
    {
      key: 'rep',
      title: t('analyticsPipeline.calibrated.rep'),
      render: (_, r) =>
        user.role === 'rep' ? r.repName : <Link to={`/performance/team?period=${figures.period}&repId=${r.repId}`}>{r.repName}</Link>,
    },
    {
      key: 'team',
      title: t('analyticsPipeline.calibrated.team'),
      responsive: ['lg'],
      render: (_, r) => r.teamName ?? t('analyticsPipeline.calibrated.noTeam'),
    },
    {
      key: 'committed',
      title: t('analyticsPipeline.calibrated.committed'),
      align: 'right',
      responsive: ['sm'],
      render: (_, r) =>
        r.committed === null ? (
          <Typography.Text type="secondary">{t('analyticsPipeline.calibrated.noCommit')}</Typography.Text>
        ) : (
          money(r.committed, lng)
        ),
    },
    {
      key: 'won',
      title: t('analyticsPipeline.calibrated.wonSoFar'),
      align: 'right',
      responsive: ['md'],
      render: (_, r) => money(r.wonSoFar, lng),
    },
    {
      key: 'accuracy',
      title: t('analyticsPipeline.calibrated.accuracy'),
      width: isPhone ? 76 : undefined,
      align: 'right',
      render: (_, r) =>
        r.accuracy === null ? (
          <Typography.Text type="secondary">{t('analyticsPipeline.calibrated.noHistory')}</Typography.Text>
        ) : (
          <span title={t('analyticsPipeline.calibrated.periods', { count: r.history.length })} data-testid="calibrated-accuracy">
            {formatPercent(r.accuracy, lng)}
          </span>
        ),
    },
    {
      key: 'calibrated',
      title: t('analyticsPipeline.calibrated.calibrated'),
      align: 'right',
      render: (_, r) => (
        <>
          <strong data-testid="calibrated-value">{money(r.calibrated, lng)}</strong>
          {/* A phone has no room for the commit column: the commit goes under the figure it weights. */}
          {isPhone && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.committed === null
                ? t('analyticsPipeline.calibrated.noCommit')
                : t('analyticsPipeline.calibrated.ofCommit', { amount: money(r.committed, lng, true) })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'how',
      // On a phone the column's buttons say it (查看 / 收起): its heading's room goes to the accuracy.
      title: isPhone ? undefined : t('analyticsPipeline.calibrated.how'),
      align: 'center',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => toggle(r.repId)}
          aria-expanded={expanded.includes(r.repId)}
          data-testid="calibrated-how"
        >
          {expanded.includes(r.repId) ? t('analyticsPipeline.calibrated.hide') : t('analyticsPipeline.calibrated.show')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analyticsPipeline.calibrated.formula', { period: periodLabel(figures.period, t), n: figures.history })}
      </Typography.Text>
      <Flex gap={12} wrap data-testid="calibrated-totals">
        <FigureStat title={t('analyticsPipeline.calibrated.committed')} value={money(total.committed, lng, true)} />
        <FigureStat title={t('analyticsPipeline.calibrated.wonSoFar')} value={money(total.wonSoFar, lng, true)} />
        <FigureStat
          title={t('analyticsPipeline.calibrated.calibrated')}
          value={money(total.calibrated, lng, true)}
          testId="calibrated-total"
        />
        <FigureStat title={t('analyticsPipeline.calibrated.openCommit')} value={openFigure('commit')} />
        <FigureStat title={t('analyticsPipeline.calibrated.openBestCase')} value={openFigure('best_case')} />
      </Flex>
      <div>
        <Typography.Title level={5}>{t('analyticsPipeline.calibrated.byTeam')}</Typography.Title>
        <Table<TCalibratedForecastTeam>
          rowKey={(r) => r.teamId ?? '∅'}
          size="small"
          columns={teamColumns}
          dataSource={figures.teams}
          pagination={false}
          data-testid="calibrated-teams"
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('analyticsPipeline.calibrated.byRep')}</Typography.Title>
        <Table<TCalibratedForecastRep>
          rowKey="repId"
          size="small"
          columns={repColumns}
          dataSource={figures.reps}
          pagination={figures.reps.length > 20 ? { pageSize: 20, size: 'small' } : false}
          expandable={{
            expandedRowKeys: expanded,
            showExpandColumn: false,
            expandedRowRender: (r) => <CalibrationDetail rep={r} />,
          }}
          data-testid="calibrated-reps"
        />
      </div>
    </Flex>
  );
}
