import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { AnalyticsFilterBar } from '../components/AnalyticsFilterBar.tsx';
import { CalibratedForecastFigure } from '../forecast/CalibratedForecastFigure.tsx';
import { WeightedPipelineFigure } from '../forecast/WeightedPipelineFigure.tsx';
import { useAnalyticsFilters } from '../useAnalyticsFilters.ts';

/**
 * 销售预测 (issue 9 item 3): the weighted open pipeline by expected close month and forecast category — the window is
 * of expected close dates — and each rep's commit calibrated by their past forecast accuracy, with how it was computed.
 */
export function ForecastPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAnalyticsFilters();
  return (
    <>
      <PageHeader title={t('analytics.nav.forecast')} />
      <AnalyticsFilterBar filters={filters} onChange={setFilters} fields={['team', 'region', 'level', 'tier', 'pipeline']} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <WeightedPipelineFigure filters={filters} />
        </Col>
        <Col span={24}>
          <CalibratedForecastFigure teamId={filters.teamId} />
        </Col>
      </Row>
    </>
  );
}
