import type { TActivity, TTask } from '@tierline/contracts';
import { type DayKey, dayKey } from './taskDates.ts';

export type ContactKind = NonNullable<TTask['activityKind']>;
/** A task that names no kind of contact (a reminder to do something) is coloured as "other". */
export type ItemKind = ContactKind | 'other';

/** One thing on the calendar: a task (by its due time) or a visit that took place (by when it occurred). */
export type CalendarItem =
  | { type: 'task'; id: string; at: string; kind: ItemKind; title: string; done: boolean; task: TTask }
  | { type: 'visit'; id: string; at: string; kind: 'visit'; title: string; done: true; activity: TActivity };

/** antd preset colours per kind, the same on tags, badges and the calendar's dots. */
export const KIND_COLORS: Record<ItemKind, string> = {
  call: 'blue',
  email: 'cyan',
  visit: 'green',
  meeting: 'purple',
  note: 'gold',
  other: 'default',
};

/**
 * The calendar's items grouped by day in the reader's zone, each day in time order. Cancelled tasks are
 * left out (nothing will happen); done ones stay, greyed, because they show what the day held.
 */
export function itemsByDay(tasks: readonly TTask[], visits: readonly TActivity[], timeZone: string): Map<DayKey, CalendarItem[]> {
  const items: CalendarItem[] = [
    ...tasks
      .filter((t) => t.status !== 'cancelled')
      .map(
        (t): CalendarItem => ({
          type: 'task',
          id: t.id,
          at: t.dueAt,
          kind: t.activityKind ?? 'other',
          title: t.title,
          done: t.status === 'done',
          task: t,
        }),
      ),
    ...visits
      .filter((a) => a.deletedAt === null)
      .map((a): CalendarItem => ({ type: 'visit', id: a.id, at: a.occurredAt, kind: 'visit', title: a.subject, done: true, activity: a })),
  ];
  items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  const byDay = new Map<DayKey, CalendarItem[]>();
  for (const item of items) {
    const key = dayKey(item.at, timeZone);
    const day = byDay.get(key);
    if (day) day.push(item);
    else byDay.set(key, [item]);
  }
  return byDay;
}

/** Which kinds a day holds, for the coloured dots of a compact (phone) calendar. */
export function kindsOf(items: readonly CalendarItem[]): ItemKind[] {
  return [...new Set(items.map((i) => i.kind))];
}

/** An open task past its due time: shown in red on the calendar, as on my day. */
export function isLate(item: CalendarItem, now: Date): boolean {
  return item.type === 'task' && item.task.status === 'open' && Date.parse(item.at) < now.getTime();
}
