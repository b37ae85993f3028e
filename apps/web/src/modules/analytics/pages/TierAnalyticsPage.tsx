import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { AnalyticsFilterBar } from '../components/AnalyticsFilterBar.tsx';
import { ChurnRiskCard } from '../tiers/ChurnRiskCard.tsx';
import { ComplianceCard } from '../tiers/ComplianceCard.tsx';
import { ConcentrationCard } from '../tiers/ConcentrationCard.tsx';
import { DistributionCard } from '../tiers/DistributionCard.tsx';
import { MigrationCard } from '../tiers/MigrationCard.tsx';
import { RfmCard } from '../tiers/RfmCard.tsx';
import { useAnalyticsFilters } from '../useAnalyticsFilters.ts';

/** 客户分级分析: how the customers spread over the tiers, where the revenue comes from, who moves and who is slipping. */
export function TierAnalyticsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAnalyticsFilters();
  return (
    <>
      <PageHeader title={t('analyticsTiers.title')} />
      <AnalyticsFilterBar filters={filters} onChange={setFilters} fields={['team', 'region', 'level', 'tier', 'compare']} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DistributionCard filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <ConcentrationCard filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <MigrationCard filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <ComplianceCard filters={filters} />
        </Col>
        <Col xs={24}>
          <ChurnRiskCard filters={filters} />
        </Col>
        <Col xs={24}>
          <RfmCard filters={filters} />
        </Col>
      </Row>
    </>
  );
}
