import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format.ts';
import { progressPercent } from '../contractMath.ts';
import type { TContractDetail } from '../contracts.api.ts';

/** Received against the amount, at a glance. */
export function ContractProgressCard({ contract: c }: { contract: TContractDetail }) {
  const { t, i18n } = useTranslation();
  const money = (v: string) => formatMoney(v, c.currency, i18n.language);
  const percent = progressPercent(c.paid, c.amount);
  return (
    <Card size="small" title={t('contracts.progress')} data-testid="contract-progress">
      <Progress percent={percent} status={percent >= 100 ? 'success' : 'active'} format={(p) => `${p}%`} />
      <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
        <Col xs={12} sm={8}>
          <Statistic title={t('contracts.amount')} value={money(c.amount)} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('contracts.received')} value={money(c.paid)} styles={{ content: { fontSize: 18, color: '#389e0d' } }} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('contracts.outstanding')} value={money(c.outstanding)} styles={{ content: { fontSize: 18 } }} />
        </Col>
      </Row>
    </Card>
  );
}
