import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceSummary } from './complianceGrid.ts';

/** The figures at the top of 团队合规: how many reps, how much is overdue, the average compliance. */
export function ComplianceSummaryCards({ summary }: { summary: ComplianceSummary }) {
  const { t } = useTranslation();
  const items = [
    { key: 'reps', title: t('trainingTeam.compliance.summary.reps'), value: summary.reps, note: null, danger: false },
    {
      key: 'average',
      title: t('trainingTeam.compliance.summary.average'),
      value: summary.averageCompliance === null ? '—' : `${summary.averageCompliance}%`,
      note: t('trainingTeam.compliance.summary.fully', { count: summary.fullyCompliant }),
      danger: summary.averageCompliance !== null && summary.averageCompliance < 60,
    },
    {
      key: 'overdue',
      title: t('trainingTeam.compliance.summary.overdue'),
      value: summary.overdue,
      note: t('trainingTeam.compliance.summary.repsOverdue', { count: summary.repsOverdue }),
      danger: summary.overdue > 0,
    },
    {
      key: 'missing',
      title: t('trainingTeam.compliance.summary.missing'),
      value: summary.missingRequired,
      note: null,
      danger: summary.missingRequired > 0,
    },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="compliance-summary">
      {items.map((item) => (
        <Col key={item.key} xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={item.title}
              value={item.value}
              styles={{ content: item.danger ? { color: '#cf1322' } : undefined }}
              data-testid={`summary-${item.key}`}
            />
            {item.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
