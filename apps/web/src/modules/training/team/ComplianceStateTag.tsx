import { SafetyCertificateFilled } from '@ant-design/icons';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { type ComplianceCell, type ComplianceState, STATE_COLORS } from './complianceGrid.ts';

/** A state as a coloured tag (the legend and the grid use the same one). */
export function StateTag({ state }: { state: ComplianceState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {t(`trainingTeam.compliance.states.${state}`)}
    </Tag>
  );
}

/** The mark of a course required at the rep's level (a shield: the curriculum asks for it). */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('trainingTeam.compliance.requiredHint')}>
      <SafetyCertificateFilled aria-label={t('trainingTeam.compliance.required')} style={{ color: '#d48806', fontSize: 12 }} />
    </Tooltip>
  );
}

/** One cell of the grid: the state, the required mark, the dates in a tooltip. */
export function ComplianceCellTag({ cell }: { cell: ComplianceCell }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const lines = [
    cell.dueOn ? t('trainingTeam.compliance.tooltip.due', { date: formatDate(cell.dueOn, lng) }) : null,
    cell.completedOn ? t('trainingTeam.compliance.tooltip.completed', { date: formatDate(cell.completedOn, lng) }) : null,
    cell.expiresOn ? t('trainingTeam.compliance.tooltip.expires', { date: formatDate(cell.expiresOn, lng) }) : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0 && (cell.state === 'assigned' || cell.state === 'in_progress'))
    lines.push(t('trainingTeam.compliance.tooltip.noDue'));
  const tag = (
    <Flex align="center" justify="center" gap={4} data-testid="compliance-cell" data-state={cell.state} data-required={cell.required}>
      {cell.required && <RequiredMark />}
      <StateTag state={cell.state} />
    </Flex>
  );
  if (lines.length === 0) return tag;
  return (
    <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
      <span style={{ display: 'inline-block', cursor: 'help' }} aria-description={lines.join('; ')}>
        {tag}
      </span>
    </Tooltip>
  );
}
