import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CalendarItem, isLate } from '../calendarItems.ts';
import { addDays, type DayKey, formatDay, formatTime, weekDays, weekStartFor } from '../taskDates.ts';
import { KindDot } from './KindDot.tsx';

interface WeekListProps {
  selected: DayKey;
  today: DayKey;
  byDay: Map<DayKey, CalendarItem[]>;
  timeZone: string;
  /** Open tasks past this are shown late (red). */
  now: Date;
  /** A day's heading was clicked: show its items. */
  onOpen: (day: DayKey) => void;
  /** Another week was asked for: move there. */
  onMove: (day: DayKey) => void;
}

/** 周视图: the seven days of the selected day's week, each with its items in time order; a day opens on click. */
export function WeekList({ selected, today, byDay, timeZone, now, onOpen, onMove }: WeekListProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const days = weekDays(selected, weekStartFor(i18n.language));

  return (
    <div data-testid="week-list">
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text strong>
          {t('tasks.calendar.weekOf', { from: formatDay(days[0], i18n.language), to: formatDay(days[6], i18n.language) })}
        </Typography.Text>
        <Flex gap={4}>
          <Button icon={<LeftOutlined />} aria-label={t('tasks.calendar.prevWeek')} onClick={() => onMove(addDays(selected, -7))} />
          <Button onClick={() => onMove(today)}>{t('tasks.calendar.thisWeek')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('tasks.calendar.nextWeek')} onClick={() => onMove(addDays(selected, 7))} />
        </Flex>
      </Flex>
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        const isSelected = day === selected;
        return (
          <div
            key={day}
            data-day={day}
            style={{
              padding: '4px 8px 8px',
              marginBottom: 4,
              borderRadius: token.borderRadius,
              background: isSelected ? token.colorPrimaryBg : undefined,
              borderLeft: `3px solid ${day === today ? token.colorPrimary : 'transparent'}`,
            }}
          >
            {/* The day's heading opens it in the day panel (a button, so keyboards reach it too). */}
            <Button
              type="text"
              size="small"
              onClick={() => onOpen(day)}
              style={{ paddingInline: 4, fontWeight: day === today ? 600 : undefined }}
            >
              <Typography.Text type={items.length ? undefined : 'secondary'}>{formatDay(day, i18n.language)}</Typography.Text>
            </Button>
            {items.map((item) => (
              <Flex key={item.id} gap={8} align="center" style={{ marginTop: 4, paddingInline: 4, minWidth: 0 }}>
                <KindDot kind={item.kind} />
                <Typography.Text type={isLate(item, now) ? 'danger' : 'secondary'} style={{ flexShrink: 0 }}>
                  {formatTime(item.at, i18n.language, timeZone)}
                </Typography.Text>
                <Typography.Text ellipsis delete={item.type === 'task' && item.done} style={{ minWidth: 0 }}>
                  {item.title}
                </Typography.Text>
              </Flex>
            ))}
          </div>
        );
      })}
    </div>
  );
}
