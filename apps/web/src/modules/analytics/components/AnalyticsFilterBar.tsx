import type { TAnalyticsFilters } from '@tierline/contracts';
import { DatePicker, Flex, Input, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { localName, usePipelines } from '../../deals/deals.api.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useTiers } from '../../tiers/tiers.api.ts';
import { dayAfter, lastDay, localToday, presetWindow, WINDOW_PRESETS } from '../window.ts';

export type FilterField = 'team' | 'region' | 'level' | 'tier' | 'pipeline' | 'compare';
type Patch = { [K in keyof TAnalyticsFilters]?: string };

interface AnalyticsFilterBarProps {
  filters: TAnalyticsFilters;
  onChange: (patch: Patch) => void;
  /** The filters this page's figures take, beside the window (every page has one). */
  fields: readonly FilterField[];
}

/**
 * 筛选: the window (presets or two dates), then the page's own filters. A rep sees no team filter (their scope is their
 * own records); each filter only narrows what the caller may see — the server decides the scope.
 */
export function AnalyticsFilterBar({ filters, onChange, fields }: AnalyticsFilterBarProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const teams = useTeamOptions();
  const levels = useLevels();
  const tiers = useTiers();
  const pipelines = usePipelines();
  const [region, setRegion] = useState(filters.region ?? '');
  const typedRegion = useDebouncedValue(region);
  useEffect(() => {
    if ((typedRegion || undefined) !== filters.region) onChange({ region: typedRegion.trim() });
  }, [typedRegion, filters.region, onChange]);

  const today = localToday();
  const presets = WINDOW_PRESETS.map((preset) => {
    const w = presetWindow(preset, today);
    return { label: t(`analytics.window.${preset}`), value: [dayjs(w.from), dayjs(lastDay(w.to))] as [Dayjs, Dayjs] };
  });
  const show = (field: FilterField) => fields.includes(field);
  const width = isPhone ? '100%' : 160;

  return (
    <Flex gap={8} wrap align="center" data-testid="analytics-filters" style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        aria-label={t('analytics.window.label')}
        allowClear={false}
        presets={presets}
        value={[dayjs(filters.from), dayjs(lastDay(filters.to))]}
        onChange={(range) => {
          if (!range?.[0] || !range[1]) return;
          onChange({ from: range[0].format('YYYY-MM-DD'), to: dayAfter(range[1].format('YYYY-MM-DD')) });
        }}
        style={{ width: isPhone ? '100%' : undefined }}
        data-testid="analytics-window"
      />
      {show('team') && user.role !== 'rep' && (
        <Select
          aria-label={t('analytics.filters.team')}
          placeholder={t('analytics.filters.team')}
          allowClear
          value={filters.teamId}
          onChange={(teamId) => onChange({ teamId })}
          options={teams.teams.map((team) => ({ value: team.id, label: team.name }))}
          style={{ width }}
          data-testid="filter-team"
        />
      )}
      {show('region') && (
        <Input
          aria-label={t('analytics.filters.region')}
          placeholder={t('analytics.filters.region')}
          allowClear
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          style={{ width }}
          data-testid="filter-region"
        />
      )}
      {show('level') && user.role !== 'rep' && (
        <Select
          aria-label={t('analytics.filters.level')}
          placeholder={t('analytics.filters.level')}
          allowClear
          value={filters.levelId}
          onChange={(levelId) => onChange({ levelId })}
          options={levels.levels.map((level) => ({ value: level.id, label: localName(level, lng) }))}
          style={{ width }}
          data-testid="filter-level"
        />
      )}
      {show('tier') && (
        <Select
          aria-label={t('analytics.filters.tier')}
          placeholder={t('analytics.filters.tier')}
          allowClear
          value={filters.tierId}
          onChange={(tierId) => onChange({ tierId })}
          options={tiers.tiers.map((tier) => ({ value: tier.id, label: localName(tier, lng) }))}
          style={{ width }}
          data-testid="filter-tier"
        />
      )}
      {show('pipeline') && (
        <Select
          aria-label={t('analytics.filters.pipeline')}
          placeholder={t('analytics.filters.pipeline')}
          allowClear
          value={filters.pipelineId}
          onChange={(pipelineId) => onChange({ pipelineId })}
          options={pipelines.pipelines.map((p) => ({ value: p.id, label: localName(p, lng) }))}
          style={{ width }}
          data-testid="filter-pipeline"
        />
      )}
      {show('compare') && (
        <Flex gap={6} align="center">
          <Switch
            size="small"
            checked={filters.compare === 'previous'}
            onChange={(on) => onChange({ compare: on ? 'previous' : undefined })}
            aria-label={t('analytics.filters.compare')}
            data-testid="filter-compare"
          />
          <Typography.Text>{t('analytics.filters.compare')}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
