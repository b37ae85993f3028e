import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { usePipelines } from '../../deals/deals.api.ts';
import { AnalyticsFilterBar } from '../components/AnalyticsFilterBar.tsx';
import { CycleLengthFigure } from '../pipeline/CycleLengthFigure.tsx';
import { FunnelFigure } from '../pipeline/FunnelFigure.tsx';
import { RevenueFigure } from '../pipeline/RevenueFigure.tsx';
import { WinLossFigure } from '../pipeline/WinLossFigure.tsx';
import { useAnalyticsFilters } from '../useAnalyticsFilters.ts';

/**
 * 销售漏斗: the funnel of one pipeline with stage-to-stage conversion, cycle length by process type, win/loss and
 * revenue (issue 9 item 2). The pipeline is the funnel's own choice (the API draws one pipeline's stages), picked on
 * its card; the other figures span every pipeline, since process type is one of their breakdowns.
 */
export function PipelineAnalyticsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAnalyticsFilters();
  const { pipelines } = usePipelines();
  // No pipeline in the URL: the first one (short-cycle sales), so the page opens on a funnel.
  const pipelineId = filters.pipelineId ?? pipelines[0]?.id;
  const others = useMemo(() => ({ ...filters, pipelineId: undefined }), [filters]);
  return (
    <>
      <PageHeader title={t('analytics.nav.pipeline')} />
      <AnalyticsFilterBar filters={filters} onChange={setFilters} fields={['team', 'region', 'level', 'tier', 'compare']} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <FunnelFigure filters={filters} pipelineId={pipelineId} onPipeline={(id) => setFilters({ pipelineId: id })} />
        </Col>
        <Col span={24}>
          <WinLossFigure filters={others} />
        </Col>
        <Col xs={24} xxl={12}>
          <RevenueFigure filters={others} />
        </Col>
        <Col xs={24} xxl={12}>
          <CycleLengthFigure filters={others} />
        </Col>
      </Row>
    </>
  );
}
