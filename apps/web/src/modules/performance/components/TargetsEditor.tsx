import type { TKpi, TPeriodKind } from '@tierline/contracts';
import { Alert, App, Button, Empty, Flex, InputNumber, Segmented, Select, Space, Table, type TableProps, Typography, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatNumber, levelName } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { CYCLE_ROLES, teamsManaged } from '../access.ts';
import { DEFAULT_SCHEME } from '../computation.ts';
import { KPI_LIST, kpiLabel, targetInputProps } from '../kpis.ts';
import { useSaveTargets, useTargets, useTeamMembers } from '../performance.api.ts';
import { currentPeriod, PERIOD_KINDS, periodKind } from '../periods.ts';
import { cellKey, cellsOf, changedCount, changedTargets, removedTargets, type SubjectKind } from '../targetsGrid.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

interface Subject {
  id: string;
  name: string;
  /** A rep's current level: its default target shows in the rep's empty cells. */
  levelId?: string | null;
}

const DEFAULT_KPIS: TKpi[] = DEFAULT_SCHEME.levels[0]?.kpis.map((k) => k.kpi) ?? ['revenueWon'];

/**
 * 目标: a grid of KPI × subject for one period (reps of a team, teams) or one period kind (level defaults), saved in
 * one PUT /targets batch with only the changed cells.
 */
export function TargetsEditor() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const showError = useShowError();
  const isPhone = useIsPhone();
  const user = useCurrentUser();
  const writesAll = CYCLE_ROLES.includes(user.role);
  const kinds: SubjectKind[] = writesAll ? ['rep', 'team', 'level'] : ['rep', 'team'];

  const [kind, setKind] = useState<SubjectKind>('rep');
  const [period, setPeriod] = useState(() => currentPeriod('quarter'));
  const [periodKindValue, setPeriodKind] = useState<TPeriodKind>('quarter');
  const targetPeriod = kind === 'level' ? periodKindValue : period;

  const teams = useTeamOptions();
  const scopeTeams = useMemo(() => teamsManaged(user.role, user.id, teams.teams), [user, teams.teams]);
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const repTeam = teamId ?? scopeTeams.find((team) => team.id === user.teamId)?.id ?? scopeTeams[0]?.id;
  const members = useTeamMembers(kind === 'rep' ? repTeam : undefined);
  const levels = useLevels();

  const subjects: Subject[] =
    kind === 'rep'
      ? (members.data?.data ?? []).map((rep) => ({ id: rep.id, name: rep.name, levelId: rep.levelId }))
      : kind === 'team'
        ? scopeTeams.map((team) => ({ id: team.id, name: team.name }))
        : levels.levels.map((level) => ({ id: level.id, name: levelName(level, lng) }));

  const targets = useTargets({ period: targetPeriod });
  // What a rep without a target of their own gets: their level's default for the period's kind.
  const defaultsKind = periodKind(period);
  const levelTargets = useTargets({ period: defaultsKind }, kind === 'rep');
  const levelDefaults = useMemo(() => cellsOf(levelTargets.data?.data ?? [], 'level', defaultsKind), [levelTargets.data, defaultsKind]);
  const original = useMemo(() => cellsOf(targets.data?.data ?? [], kind, targetPeriod), [targets.data, kind, targetPeriod]);
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  // Another grid, another set of edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the edits belong to the grid these name
  useEffect(() => setEdits(new Map()), [kind, targetPeriod, repTeam]);

  const withTargets = useMemo(() => new Set([...original.keys()].map((key) => key.split('|')[1] as TKpi)), [original]);
  const [pickedKpis, setPickedKpis] = useState<TKpi[] | null>(null);
  const kpis = pickedKpis ?? KPI_LIST.filter((kpi) => DEFAULT_KPIS.includes(kpi) || withTargets.has(kpi));

  const save = useSaveTargets();
  const changes = changedCount(original, edits);
  const onSave = () => {
    const set = changedTargets(original, edits, kind, targetPeriod);
    const remove = removedTargets(targets.data?.data ?? [], edits, kind, targetPeriod);
    if (set.length + remove.length === 0) return void message.info(t('performance.targets.nothingChanged'));
    save.mutate(
      { set, remove },
      {
        onSuccess: () => {
          setEdits(new Map());
          void message.success(t('performance.targets.saved', { count: set.length + remove.length }));
        },
        onError: (error) => showError(error),
      },
    );
  };

  const placeholderOf = (s: Subject, kpi: TKpi) => {
    const fallback = s.levelId ? levelDefaults.get(cellKey(s.levelId, kpi)) : undefined;
    if (fallback === undefined) return '—';
    // The input shows the unit (% or /5) itself.
    return t('performance.targets.levelDefault', { value: formatNumber(fallback, lng) });
  };
  const cellValue = (key: string) => (edits.has(key) ? (edits.get(key) ?? null) : (original.get(key) ?? null));
  const columns: TableProps<Subject>['columns'] = [
    {
      key: 'subject',
      title: t('performance.targets.subject'),
      fixed: 'left',
      width: isPhone ? 96 : 160,
      render: (_, s) => (
        <Typography.Text ellipsis={{ tooltip: s.name }} style={{ maxWidth: isPhone ? 88 : 150 }}>
          {s.name}
        </Typography.Text>
      ),
    },
    ...kpis.map((kpi) => {
      const props = targetInputProps(kpi);
      return {
        key: kpi,
        title: kpiLabel(kpi, t),
        width: 150,
        render: (_: unknown, s: Subject) => {
          const key = cellKey(s.id, kpi);
          const value = cellValue(key);
          const dirty = edits.has(key) && (value === null ? original.has(key) : value !== original.get(key));
          return (
            <InputNumber<number>
              aria-label={`${s.name} · ${kpiLabel(kpi, t)}`}
              value={value}
              min={props.min}
              max={props.max}
              step={props.step}
              precision={props.precision}
              suffix={props.suffix}
              placeholder={placeholderOf(s, kpi)}
              onChange={(v) => setEdits((current) => new Map(current).set(key, v))}
              style={{ width: '100%', background: dirty ? token.colorWarningBg : undefined }}
              data-testid={`target-${s.id}-${kpi}`}
            />
          );
        },
      };
    }),
  ];

  return (
    <div data-testid="targets-editor">
      <Typography.Paragraph type="secondary">
        {t('performance.targets.intro')} {t('performance.targets.emptyHint')}
      </Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<SubjectKind>
          aria-label={t('performance.targets.subjectKind')}
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: t(`performance.targets.subjects.${k}`) }))}
        />
        {kind === 'level' ? (
          <Segmented<TPeriodKind>
            aria-label={t('performance.targets.periodKind')}
            value={periodKindValue}
            onChange={setPeriodKind}
            options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`performance.period.kinds.${k}`) }))}
          />
        ) : (
          <PeriodPicker value={period} onChange={setPeriod} />
        )}
        {kind === 'rep' && (
          <Select<string>
            aria-label={t('performance.targets.team')}
            value={repTeam}
            onChange={setTeamId}
            options={scopeTeams.map((team) => ({ value: team.id, label: team.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            data-testid="targets-team"
          />
        )}
      </Flex>
      <Select<TKpi[]>
        mode="multiple"
        aria-label={t('performance.targets.pickKpis')}
        placeholder={t('performance.targets.pickKpis')}
        value={kpis}
        onChange={(next) => setPickedKpis(next.length ? KPI_LIST.filter((kpi) => next.includes(kpi)) : null)}
        options={KPI_LIST.map((kpi) => ({ value: kpi, label: kpiLabel(kpi, t) }))}
        style={{ width: '100%', marginBottom: 12 }}
        maxTagCount="responsive"
      />
      {kind === 'team' && <Alert type="info" showIcon title={t('performance.targets.teamSumHint')} style={{ marginBottom: 12 }} />}
      <Table<Subject>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={subjects}
        loading={targets.isPending || (kind === 'rep' && members.isPending && Boolean(repTeam))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.targets.noSubjects')} /> }}
        data-testid="targets-grid"
      />
      <Flex justify="flex-end" align="center" gap={12} wrap style={{ marginTop: 12 }}>
        {changes > 0 && <Typography.Text type="warning">{t('performance.targets.changed', { count: changes })}</Typography.Text>}
        <Space>
          <Button disabled={edits.size === 0} onClick={() => setEdits(new Map())}>
            {t('performance.targets.discard')}
          </Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} disabled={changes === 0} data-testid="targets-save">
            {t('performance.targets.save')}
          </Button>
        </Space>
      </Flex>
    </div>
  );
}
