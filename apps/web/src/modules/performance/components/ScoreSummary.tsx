import type { TAppraisalCycle, TScorecard } from '@tierline/contracts';
import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import type { HowSectionId } from '../computation.ts';
import { formatScore } from '../kpis.ts';
import { periodLabel } from '../periods.ts';
import { GradeBadge } from './GradeBadge.tsx';
import { HowLink } from './HowLink.tsx';

/** The day before an exclusive end: a period [2026-07-01, 2026-10-01) reads "to 30 Sep 2026". */
function lastDay(to: string): string {
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return date.toISOString().slice(0, 10);
}

interface ScoreSummaryProps {
  card: TScorecard;
  cycle: TAppraisalCycle | undefined;
  onHow: (section: HowSectionId) => void;
}

/** The head of a scorecard: total and grade (big), the quantitative and qualitative scores, and what is missing. */
export function ScoreSummary({ card, cycle, onHow }: ScoreSummaryProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isTeam = card.subject.kind === 'team';
  return (
    <Card data-testid="score-summary">
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="scorecard-subject">
            {card.subject.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {periodLabel(card.period, t)} ·{' '}
            {t('performance.period.range', { from: formatDate(card.from, lng), to: formatDate(lastDay(card.to), lng) })}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary" style={{ alignSelf: 'flex-end' }}>
          {card.cycleId ? t('performance.card.cycle', { name: cycle?.name ?? '…' }) : t('performance.card.defaultScheme')}
        </Typography.Text>
      </Flex>
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} sm={10} md={8}>
          <Flex align="center" gap={16}>
            <HowLink section="grade" onOpen={onHow} what={t('performance.card.grade')} testId="how-open-grade">
              <GradeBadge grade={card.grade} size="large" />
            </HowLink>
            <Statistic
              title={t('performance.card.total')}
              valueRender={() => (
                <HowLink section="total" onOpen={onHow} what={t('performance.card.total')} testId="how-open-total">
                  <span style={{ fontSize: 36, fontWeight: 600 }} data-testid="scorecard-total">
                    {formatScore(card.total, lng, 1)}
                  </span>
                </HowLink>
              )}
            />
          </Flex>
        </Col>
        <Col xs={12} sm={7} md={8}>
          <Statistic
            title={isTeam ? t('performance.card.quantitative') : `${t('performance.card.quantitative')} · ${card.quantitativeWeight}%`}
            valueRender={() => (
              <HowLink section="quantitative" onOpen={onHow} what={t('performance.card.quantitative')} testId="how-open-quantitative">
                <span data-testid="scorecard-quantitative">{formatScore(card.quantitativeScore, lng, 1)}</span>
              </HowLink>
            )}
          />
        </Col>
        {!isTeam && (
          <Col xs={12} sm={7} md={8}>
            <Statistic
              title={`${t('performance.card.qualitative')} · ${card.qualitativeWeight}%`}
              valueRender={() => (
                <HowLink section="qualitative" onOpen={onHow} what={t('performance.card.qualitative')} testId="how-open-qualitative">
                  <span data-testid="scorecard-qualitative">{formatScore(card.qualitativeScore, lng, 1)}</span>
                </HowLink>
              )}
            />
          </Col>
        )}
      </Row>
      {isTeam ? (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('performance.card.teamOnlyQuantitative')}
        </Typography.Paragraph>
      ) : (
        !card.complete && (
          <Alert
            type="info"
            showIcon
            title={t('performance.card.incomplete')}
            style={{ marginTop: 16 }}
            data-testid="scorecard-incomplete"
          />
        )
      )}
    </Card>
  );
}
