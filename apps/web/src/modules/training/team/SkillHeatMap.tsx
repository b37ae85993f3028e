import { WarningFilled } from '@ant-design/icons';
import type { TSkillsMatrix } from '@tierline/contracts';
import { App, Empty, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevelName } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { SkillLevelPicker } from './SkillLevelPicker.tsx';
import {
  assessableTeamIds,
  assessmentBody,
  editableHalves,
  heatColor,
  type MatrixRep,
  orderedSkills,
  type SkillCell,
  skillColumnStats,
  skillGap,
} from './skillHeat.ts';
import { useAssessSkill } from './team.api.ts';

type Half = 'self' | 'manager';
const GAP_COLOR = '#cf1322';

/**
 * Reps × skills as a heat map: each cell split in two, the self-assessment left and the manager's right, each filled
 * by its level; a gap of two levels or more outlined in red. A half the viewer may set opens the level picker.
 */
export function SkillHeatMap({ matrix, loading }: { matrix: TSkillsMatrix; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const user = useCurrentUser();
  const teams = useTeamOptions();
  const levelName = useLevelName();
  const isPhone = useIsPhone();
  const assess = useAssessSkill();
  const [openKey, setOpenKey] = useState<string | null>(null);
  const scope = useMemo(() => assessableTeamIds(user, teams.teams), [user, teams.teams]);
  const skills = useMemo(() => orderedSkills(matrix.skills, i18n.language), [matrix.skills, i18n.language]);
  const stats = useMemo(() => new Map(skillColumnStats(matrix).map((s) => [s.skillId, s])), [matrix]);

  const save = (rep: MatrixRep, skillId: string, half: Half, level: number | null, cell: SkillCell | undefined) =>
    assess.mutate(
      { repId: rep.repId, skillId, body: assessmentBody(half, level, cell) },
      {
        onSuccess: () => {
          setOpenKey(null);
          void message.success(t('trainingTeam.skills.saved'));
        },
        onError: (error) => showError(error),
      },
    );

  const halfBox = (level: number | null | undefined, editable: boolean, side: Half): CSSProperties => {
    const colour = heatColor(level);
    return {
      all: 'unset',
      boxSizing: 'border-box',
      flex: 1,
      minWidth: 30,
      height: 30,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      background: colour.background,
      color: colour.color,
      fontWeight: 600,
      fontSize: 13,
      cursor: editable ? 'pointer' : 'default',
      borderInlineStart: side === 'manager' ? '1px solid rgba(255,255,255,0.9)' : undefined,
      outlineOffset: -2,
    };
  };

  const renderCell = (rep: MatrixRep, skill: (typeof skills)[number]) => {
    const cell = rep.cells.find((c) => c.skillId === skill.id);
    const gap = skillGap(cell);
    const may = editableHalves(user, rep, scope);
    const label = t('trainingTeam.skills.cellLabel', {
      rep: rep.name,
      skill: skill.name,
      self: cell?.self ?? t('trainingTeam.skills.unrated'),
      manager: cell?.manager ?? t('trainingTeam.skills.unrated'),
    });
    const half = (side: Half) => {
      const level = cell?.[side] ?? null;
      const editable = may[side];
      const key = `${rep.repId}:${skill.id}:${side}`;
      const content = level ?? '·';
      const title = t(side === 'self' ? 'trainingTeam.skills.self' : 'trainingTeam.skills.manager');
      if (!editable) {
        return (
          <span style={halfBox(level, false, side)} title={title} data-testid={`skill-${side}`}>
            {content}
          </span>
        );
      }
      return (
        <SkillLevelPicker
          open={openKey === key}
          onOpenChange={(open) => setOpenKey(open ? key : null)}
          title={`${rep.name} · ${skill.name} · ${t(side === 'self' ? 'trainingTeam.skills.setSelf' : 'trainingTeam.skills.setManager')}`}
          value={level}
          saving={assess.isPending}
          onPick={(next) => save(rep, skill.id, side, next, cell)}
        >
          <button type="button" style={halfBox(level, true, side)} aria-label={`${label} — ${title}`} data-testid={`skill-${side}`}>
            {content}
          </button>
        </SkillLevelPicker>
      );
    };
    return (
      <Tooltip title={gap !== null ? t('trainingTeam.skills.gap', { gap: gap > 0 ? `+${gap}` : gap }) : undefined}>
        <div
          data-testid="skill-cell"
          data-gap={gap !== null}
          style={{
            position: 'relative',
            display: 'flex',
            borderRadius: 4,
            overflow: 'hidden',
            border: gap !== null ? `2px solid ${GAP_COLOR}` : '1px solid rgba(5,5,5,0.08)',
          }}
        >
          {half('self')}
          {half('manager')}
          {gap !== null && (
            <WarningFilled
              aria-hidden
              style={{ position: 'absolute', top: 1, right: 1, fontSize: 9, color: GAP_COLOR, background: '#fff', borderRadius: 6 }}
            />
          )}
        </div>
      </Tooltip>
    );
  };

  const columns: TableProps<MatrixRep>['columns'] = [
    {
      key: 'rep',
      title: t('trainingTeam.skills.rep'),
      fixed: 'left',
      width: isPhone ? 104 : 170,
      render: (_, rep) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {rep.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {[rep.teamId ? teams.byId.get(rep.teamId)?.name : null, rep.levelId ? levelName(rep.levelId) : null]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    ...skills.map((skill): NonNullable<TableProps<MatrixRep>['columns']>[number] => {
      const s = stats.get(skill.id);
      return {
        key: skill.id,
        width: 104,
        align: 'center',
        title: (
          <Tooltip title={skill.description || undefined}>
            <Flex vertical gap={2} align="center">
              <Typography.Text strong style={{ fontSize: 13 }} ellipsis>
                {skill.name}
              </Typography.Text>
              {skill.category && <Tag style={{ marginInlineEnd: 0, fontSize: 11 }}>{skill.category}</Tag>}
              <Flex gap={12} style={{ fontSize: 11, fontWeight: 400 }}>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {t('trainingTeam.skills.selfShort')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {t('trainingTeam.skills.managerShort')}
                </Typography.Text>
              </Flex>
              {/* A team's figures; over one rep's own row they would only repeat the cell. */}
              {s && matrix.reps.length > 1 && (s.managerMean !== null || s.gaps > 0) && (
                <Typography.Text type={s.gaps > 0 ? 'danger' : 'secondary'} style={{ fontSize: 11, fontWeight: 400 }}>
                  {s.gaps > 0 ? t('trainingTeam.skills.gaps', { count: s.gaps }) : t('trainingTeam.skills.mean', { value: s.managerMean })}
                </Typography.Text>
              )}
            </Flex>
          </Tooltip>
        ),
        render: (_, rep) => renderCell(rep, skill),
      };
    }),
  ];

  return (
    <Table<MatrixRep>
      rowKey="repId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={matrix.reps}
      pagination={false}
      scroll={{ x: 'max-content' }}
      sticky
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingTeam.skills.empty')} /> }}
      data-testid="skills-matrix"
    />
  );
}

/** The legend: the five fills, an unrated half, the gap outline, and which half is which. */
export function SkillLegend() {
  const { t } = useTranslation();
  const swatch = (level: number | null, text: string) => {
    const colour = heatColor(level);
    return (
      <Flex key={text} align="center" gap={4}>
        <span
          style={{
            display: 'inline-flex',
            width: 22,
            height: 18,
            alignItems: 'center',
            justifyContent: 'center',
            background: colour.background,
            color: colour.color,
            border: '1px solid rgba(5,5,5,0.1)',
            borderRadius: 3,
            fontSize: 11,
            fontWeight: 600,
          }}
        >
          {level ?? '·'}
        </span>
        <Typography.Text style={{ fontSize: 12 }}>{text}</Typography.Text>
      </Flex>
    );
  };
  return (
    <Flex gap={12} wrap align="center" data-testid="skills-legend">
      <Typography.Text type="secondary">{t('trainingTeam.skills.legend')}</Typography.Text>
      {([1, 2, 3, 4, 5] as const).map((level) => swatch(level, t(`trainingTeam.skills.levels.${level}`)))}
      {swatch(null, t('trainingTeam.skills.unrated'))}
      <Flex align="center" gap={4}>
        <span style={{ display: 'inline-block', width: 22, height: 18, border: `2px solid ${GAP_COLOR}`, borderRadius: 3 }} />
        <Typography.Text style={{ fontSize: 12 }}>{t('trainingTeam.skills.gapLegend')}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {`${t('trainingTeam.skills.selfShort')} = ${t('trainingTeam.skills.self')} · ${t('trainingTeam.skills.managerShort')} = ${t('trainingTeam.skills.manager')}`}
      </Typography.Text>
    </Flex>
  );
}
