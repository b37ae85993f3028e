import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { TCriterionCheck, TLevelCriterion } from '@tierline/contracts';
import { Flex, Tag, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { formatKpiValue, kpiLabel } from '../../performance/kpis.ts';
import { isPeriod, periodLabel } from '../../performance/periods.ts';
import { type CheckSpec, checkSpec } from '../levelRules.ts';

/** "连续 2 个季度成绩达到 A 或以上", "回款额不低于 ¥300,000.00", "在当前等级满 12 个月", "通过课程“谈判入门”". */
export function requirementText(spec: CheckSpec, t: TFunction, locale: string): string {
  switch (spec.kind) {
    case 'grade': {
      const unit = t(`levelEvaluation.units.${spec.periodKind ?? 'period'}`);
      const key = spec.direction === 'promote' ? 'gradeAtLeast' : 'gradeAtMost';
      return spec.count > 1
        ? t(`levelEvaluation.checks.${key}`, { grade: spec.grade, count: spec.count, unit })
        : t(`levelEvaluation.checks.${key}Single`, {
            grade: spec.grade,
            unit: t(`levelEvaluation.unitsSingle.${spec.periodKind ?? 'period'}`),
          });
    }
    case 'kpiMinimum':
      return t(spec.below ? 'levelEvaluation.checks.kpiBelow' : 'levelEvaluation.checks.kpiMinimum', {
        kpi: kpiLabel(spec.kpi, t),
        min: formatKpiValue(spec.kpi, spec.min, locale),
      });
    case 'timeAtLevel':
      return t('levelEvaluation.checks.timeAtLevel', { months: spec.months });
    case 'course':
      return t('levelEvaluation.checks.course', { title: spec.title });
    default:
      return spec.text;
  }
}

/** One piece of evidence as read: a grade as it is, a KPI in its unit, months at level as months. */
function evidenceValue(spec: CheckSpec, value: string | null, t: TFunction, locale: string): string {
  // A course is judged on its completion date (as of today), not on a scorecard.
  if (spec.kind === 'course')
    return value === null
      ? t('levelEvaluation.courseNotCompleted')
      : t('levelEvaluation.courseCompletedOn', { date: formatDate(value, locale) });
  if (value === null) return t('levelEvaluation.noScorecard');
  if (spec.kind === 'kpiMinimum') return formatKpiValue(spec.kpi, value, locale);
  if (spec.kind === 'timeAtLevel' && /^\d+$/.test(value)) return t('levelEvaluation.monthsValue', { months: value });
  return value;
}

interface CheckListProps {
  checks: TCriterionCheck[];
  direction: 'promote' | 'demote';
  criterion?: TLevelCriterion | null;
}

/** Every check of a step: met ✓ or not ✗, what it asks, and the figure of each period it was judged on. */
export function CheckList({ checks, direction, criterion }: CheckListProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  // A promotion's criterion met is good news (green, else red); a demotion's met is the warning, unmet is fine.
  const tone = (met: boolean, dir: 'promote' | 'demote') =>
    dir === 'promote'
      ? { icon: met ? token.colorSuccess : token.colorError, tag: met ? 'success' : 'error' }
      : { icon: met ? token.colorWarning : token.colorTextQuaternary, tag: met ? 'warning' : 'default' };
  if (checks.length === 0) return <Typography.Text type="secondary">{t('levelEvaluation.noChecks')}</Typography.Text>;
  return (
    <Flex vertical gap={10} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {checks.map((check, i) => {
        const spec = checkSpec(check, direction, criterion);
        return (
          // Checks have no id; their order is the server's and does not change while shown.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} data-testid="level-check" data-met={check.met} data-kind={check.kind} data-course-id={check.courseId}>
            <Flex gap={8} align="flex-start">
              <span style={{ color: tone(check.met, direction).icon, lineHeight: '22px' }}>
                {check.met ? (
                  <CheckCircleFilled aria-label={t('levelEvaluation.met')} />
                ) : (
                  <CloseCircleFilled aria-label={t('levelEvaluation.notMet')} />
                )}
              </span>
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text>
                  <Typography.Text type="secondary">
                    {t('levelEvaluation.labelled', { label: t(`levelEvaluation.checkKinds.${check.kind}`) })}
                  </Typography.Text>
                  {requirementText(spec, t, i18n.language)}
                </Typography.Text>
                {check.evidence.length > 0 && (
                  <Flex wrap gap={4}>
                    {check.evidence.map((e) => (
                      <Tag key={e.period} color={tone(e.met, direction).tag} style={{ marginInlineEnd: 0 }} data-testid="level-evidence">
                        {spec.kind === 'course'
                          ? evidenceValue(spec, e.value, t, i18n.language)
                          : `${isPeriod(e.period) ? periodLabel(e.period, t) : e.period} · ${evidenceValue(spec, e.value, t, i18n.language)}`}
                      </Tag>
                    ))}
                  </Flex>
                )}
              </Flex>
            </Flex>
          </li>
        );
      })}
    </Flex>
  );
}
