import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { type Board, groupBoard, metCount, RECOMMENDATION_COLORS, RECOMMENDATIONS } from '../levelRules.ts';
import { type TLevelEvaluation, useLevelName } from '../levels.api.ts';
import { DecisionTag } from './DecisionTag.tsx';

/** 建议晋升 / 保持 / 建议降级: one column per recommendation, a card per rep; a card opens the rep's evidence. */
export function EvaluationBoard({ evaluations, onOpen }: { evaluations: TLevelEvaluation[]; onOpen: (repId: string) => void }) {
  const { t, i18n } = useTranslation();
  const board: Board = groupBoard(evaluations, i18n.language);
  return (
    <Row gutter={[16, 16]} data-testid="level-board">
      {RECOMMENDATIONS.map((key) => (
        // On a phone the columns stack: the two that ask for a decision come first, the (long) hold column last.
        <Col key={key} xs={{ span: 24, order: key === 'hold' ? 3 : key === 'demote' ? 2 : 1 }} md={{ span: 8, order: 0 }}>
          <Flex vertical gap={8} data-testid={`level-column-${key}`}>
            <Flex align="center" gap={8}>
              <Tag color={RECOMMENDATION_COLORS[key]} style={{ marginInlineEnd: 0 }}>
                {t(`levelEvaluation.columns.${key}`)}
              </Tag>
              <Typography.Text type="secondary">{board[key].length}</Typography.Text>
            </Flex>
            {board[key].map((e) => (
              <EvaluationCard key={e.repId} evaluation={e} onOpen={() => onOpen(e.repId)} />
            ))}
            {board[key].length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`levelEvaluation.emptyColumn.${key}`)} />
            )}
          </Flex>
        </Col>
      ))}
    </Row>
  );
}

function EvaluationCard({ evaluation: e, onOpen }: { evaluation: TLevelEvaluation; onOpen: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const levelName = useLevelName();
  const teams = useTeamOptions();
  // The step that led to the recommendation; for a hold, the promotion step shows how close the rep is.
  const step = e.steps.find((s) => s.toLevelId === e.toLevelId) ?? e.steps.find((s) => s.direction === 'promote') ?? e.steps[0];
  const met = step ? metCount(step.checks) : null;
  return (
    <Card
      size="small"
      hoverable
      data-testid="level-card"
      data-rep={e.name}
      styles={{ body: { padding: 12 } }}
      style={{
        borderInlineStart: `3px solid ${e.recommendation === 'hold' ? token.colorBorder : token[e.recommendation === 'promote' ? 'colorSuccess' : 'colorWarning']}`,
      }}
    >
      <button
        type="button"
        onClick={onOpen}
        style={{ all: 'unset', display: 'block', width: '100%', cursor: 'pointer' }}
        aria-label={e.name}
      >
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis>
              {e.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {e.teamId ? (teams.byId.get(e.teamId)?.name ?? '…') : t('levelEvaluation.noTeam')}
            </Typography.Text>
          </Flex>
          <DecisionTag evaluation={e} />
        </Flex>
        <Flex align="center" gap={6} wrap style={{ marginTop: 8 }} data-testid="level-card-levels">
          <Tag style={{ marginInlineEnd: 0 }}>{levelName(e.levelId)}</Tag>
          {e.toLevelId && (
            <>
              <ArrowRightOutlined style={{ color: token.colorTextSecondary, fontSize: 12 }} aria-label={t('levelEvaluation.to')} />
              <Tag color={RECOMMENDATION_COLORS[e.recommendation]} style={{ marginInlineEnd: 0 }}>
                {levelName(e.toLevelId)}
              </Tag>
            </>
          )}
        </Flex>
        {step && met && met.total > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
            {t(`levelEvaluation.metSummary.${step.direction}`, { met: met.met, total: met.total, level: levelName(step.toLevelId) })}
          </Typography.Text>
        )}
      </button>
    </Card>
  );
}
