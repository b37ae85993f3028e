import type { TAnalyticsFilters, TTierMigration } from '@tierline/contracts';
import { Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { formatDate } from '../../../shared/format.ts';
import { useFigure } from '../analytics.api.ts';
import { FigureCard } from '../components/FigureCard.tsx';
import { lastDay } from '../window.ts';
import { migrationQuery } from './tierQueries.ts';
import { migrationOption } from './tiers.charts.ts';

/** 等级迁移: how many customers moved from each tier to each other between the window's two ends. */
export function MigrationCard({ filters }: { filters: TAnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = migrationQuery(filters);
  const figure = useFigure<TTierMigration>('tiers/migration', query);
  const option = useMemo(() => figure.data && migrationOption(figure.data, lng, t('analyticsTiers.migration.new')), [figure.data, lng, t]);
  const summary = ['upgraded', 'downgraded', 'unchanged', 'new'] as const;
  return (
    <FigureCard
      title={t('analyticsTiers.migration.title')}
      query={figure}
      figure={{ path: 'tiers/migration', query }}
      isEmpty={(d) => d.total === 0}
      testId="tier-migration"
    >
      {(d) => (
        <>
          <Typography.Paragraph type="secondary">
            {t('analyticsTiers.migration.explain', { from: formatDate(d.from, lng), to: formatDate(lastDay(d.to), lng) })}
          </Typography.Paragraph>
          <Row gutter={[16, 8]}>
            {summary.map((key) => (
              <Col xs={12} md={6} key={key}>
                <Statistic
                  title={t(`analyticsTiers.migration.${key === 'new' ? 'newCustomers' : key}`)}
                  value={d[key]}
                  data-testid={`migration-${key}`}
                />
              </Col>
            ))}
          </Row>
          {option && <Chart option={option} height={260 + 24 * d.tiers.length} label={t('analyticsTiers.migration.title')} />}
        </>
      )}
    </FigureCard>
  );
}
