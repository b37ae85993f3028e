import { ArrowRightOutlined } from '@ant-design/icons';
import type { TLevelCriterion } from '@tierline/contracts';
import { Button, Card, Descriptions, Drawer, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { periodLabel } from '../../performance/periods.ts';
import { useUsersById } from '../../users/users.api.ts';
import { criterionOf, decisionState, isDecidable, metCount, RECOMMENDATION_COLORS } from '../levelRules.ts';
import { type TLevelEvaluation, useLevelName } from '../levels.api.ts';
import { CheckList } from './CheckList.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionTag } from './DecisionTag.tsx';

interface EvaluationDrawerProps {
  evaluation: TLevelEvaluation | null;
  period: string;
  /** The configured steps, to word each check exactly (null while unknown: the server's wording is used). */
  steps: TLevelCriterion[] | undefined;
  canDecide: boolean;
  onClose: () => void;
  onOpenProfile: (repId: string) => void;
}

/** One rep's evaluation: every step's checks with their evidence, then the decision (or the form to take it). */
export function EvaluationDrawer({ evaluation: e, period, steps, canDecide, onClose, onOpenProfile }: EvaluationDrawerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={e !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={e && t('levelEvaluation.drawerTitle', { name: e.name, period: periodLabel(period, t) })}
      destroyOnHidden
      extra={
        e && (
          <Button size="small" onClick={() => onOpenProfile(e.repId)}>
            {t('levelEvaluation.profile.open')}
          </Button>
        )
      }
    >
      {e && <Evaluation evaluation={e} period={period} steps={steps} canDecide={canDecide} />}
    </Drawer>
  );
}

function Evaluation({
  evaluation: e,
  period,
  steps,
  canDecide,
}: {
  evaluation: TLevelEvaluation;
  period: string;
  steps: TLevelCriterion[] | undefined;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  return (
    <Flex vertical gap={16} data-testid="level-evaluation">
      <Flex align="center" gap={8} wrap>
        <Tag style={{ marginInlineEnd: 0 }}>{levelName(e.levelId)}</Tag>
        {e.toLevelId && (
          <>
            <ArrowRightOutlined aria-label={t('levelEvaluation.to')} />
            <Tag color={RECOMMENDATION_COLORS[e.recommendation]} style={{ marginInlineEnd: 0 }}>
              {levelName(e.toLevelId)}
            </Tag>
          </>
        )}
        <Typography.Text strong data-testid="level-recommendation">
          {t(`levelEvaluation.recommendations.${e.recommendation}`)}
        </Typography.Text>
        <DecisionTag evaluation={e} />
      </Flex>
      {e.steps.length === 0 && <Typography.Text type="secondary">{t('levelEvaluation.noSteps')}</Typography.Text>}
      {e.steps.map((step) => {
        const { met, total } = metCount(step.checks);
        return (
          <Card
            key={`${step.direction}-${step.toLevelId}`}
            size="small"
            data-testid="level-step"
            title={
              <Flex align="center" gap={8} wrap style={{ paddingBlock: 6 }}>
                <span style={{ whiteSpace: 'normal' }}>
                  {t(`levelEvaluation.stepTitle.${step.direction}`, { from: levelName(e.levelId), to: levelName(step.toLevelId) })}
                </span>
                <Tag color={step.met ? (step.direction === 'promote' ? 'success' : 'warning') : 'default'} style={{ marginInlineEnd: 0 }}>
                  {step.met
                    ? t(`levelEvaluation.stepMet.${step.direction}`)
                    : t(`levelEvaluation.stepNotMet.${step.direction}`, { met, total })}
                </Tag>
              </Flex>
            }
          >
            <CheckList checks={step.checks} direction={step.direction} criterion={criterionOf(steps, e.levelId, step.toLevelId)} />
          </Card>
        );
      })}
      {e.decision ? (
        <DecisionDetails evaluation={e} />
      ) : canDecide && isDecidable(e) ? (
        <DecisionForm evaluation={e} period={period} />
      ) : null}
    </Flex>
  );
}

function DecisionDetails({ evaluation }: { evaluation: TLevelEvaluation }) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName();
  const d = evaluation.decision;
  const people = useUsersById([d?.decidedBy]);
  if (!d) return null;
  const state = decisionState(evaluation);
  return (
    <Card size="small" title={t('levelEvaluation.decision.title')} data-testid="level-decision">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'decision',
            label: t('levelEvaluation.decision.outcome'),
            children:
              d.decision === 'accepted'
                ? t('levelEvaluation.decision.acceptedChange', { from: levelName(d.fromLevelId), to: levelName(d.toLevelId) })
                : t('levelEvaluation.decision.rejected'),
          },
          {
            key: 'comment',
            label: t('levelEvaluation.decision.comment'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.comment}</span>,
          },
          ...(d.effectiveOn
            ? [
                {
                  key: 'effectiveOn',
                  label: t('levelEvaluation.decision.effectiveOn'),
                  children:
                    state === 'applied'
                      ? t('levelEvaluation.decision.appliedOn', { date: formatDate(d.effectiveOn, i18n.language) })
                      : t('levelEvaluation.states.scheduledOn', { date: formatDate(d.effectiveOn, i18n.language) }),
                },
              ]
            : []),
          {
            key: 'by',
            label: t('levelEvaluation.decision.by'),
            children: `${people.get(d.decidedBy)?.name ?? '…'} · ${formatDateTime(d.decidedAt, i18n.language)}`,
          },
        ]}
      />
    </Card>
  );
}
