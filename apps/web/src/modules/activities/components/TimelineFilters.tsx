import type { TTimelineEventKind } from '@tierline/contracts';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindStyle } from './eventStyle.tsx';

interface TimelineFiltersProps {
  kinds: readonly TTimelineEventKind[];
  /** The kinds chosen; none means all. */
  value: readonly TTimelineEventKind[];
  onChange: (kinds: TTimelineEventKind[]) => void;
}

/** Chips for the kinds of event: "all", or any several of them (they wrap on a phone). */
export function TimelineFilters({ kinds, value, onChange }: TimelineFiltersProps) {
  const { t } = useTranslation();
  const toggle = (kind: TTimelineEventKind, on: boolean) => {
    const next = on ? [...value, kind] : value.filter((k) => k !== kind);
    // Every kind chosen is the same as none: show "all" lit rather than a row of lit chips.
    onChange(next.length === kinds.length ? [] : next);
  };
  return (
    <Flex
      wrap
      gap={8}
      role="group"
      aria-label={t('activities.timeline.filterLabel')}
      data-testid="timeline-filters"
      style={{ marginBottom: 16 }}
    >
      <Tag.CheckableTag checked={value.length === 0} onChange={() => onChange([])}>
        {t('activities.timeline.all')}
      </Tag.CheckableTag>
      {kinds.map((kind) => (
        <Tag.CheckableTag key={kind} checked={value.includes(kind)} onChange={(on) => toggle(kind, on)} icon={kindStyle(kind).icon}>
          {t(`activities.timeline.kinds.${kind}`)}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}
