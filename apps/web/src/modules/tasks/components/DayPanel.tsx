import { Card, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import type { CalendarItem } from '../calendarItems.ts';
import { type DayKey, formatDay } from '../taskDates.ts';
import { DayItems } from './DayItems.tsx';
import type { TaskActions } from './useTaskActions.tsx';

/**
 * Where the selected day's items show: a column beside the calendar on very wide screens, a card under
 * it on a phone (whose compact month is short), and a drawer in between, where a side column would
 * squeeze the month's cells until their titles are unreadable.
 */
export type DayPanelMode = 'side' | 'below' | 'drawer';

interface DayPanelProps {
  mode: DayPanelMode;
  /** Drawer mode: whether it is showing. */
  open: boolean;
  onClose: () => void;
  day: DayKey;
  items: readonly CalendarItem[];
  now: Date;
  timeZone: string;
  actions?: TaskActions;
  showPeople: boolean;
}

export function DayPanel({ mode, open, onClose, day, items, now, timeZone, actions, showPeople }: DayPanelProps) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const title = formatDay(day, i18n.language);
  const count = <Typography.Text type="secondary">{t('tasks.calendar.count', { n: items.length })}</Typography.Text>;
  const body = (
    <div data-testid="day-panel">
      <DayItems items={items} now={now} timeZone={timeZone} actions={actions} showPeople={showPeople} />
    </div>
  );
  if (mode === 'drawer') {
    return (
      <Drawer open={open} onClose={onClose} title={title} extra={count} size={isPhone ? '100%' : 440}>
        {body}
      </Drawer>
    );
  }
  return (
    <Card size="small" title={title} extra={count}>
      {body}
    </Card>
  );
}
