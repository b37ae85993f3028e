import type { TTimelineEvent } from '@tierline/contracts';
import { Timeline as AntTimeline, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDayHeading, groupByDay, relativeDay } from '../timelineDays.ts';
import { actorless, describeEvent, eventDay, eventLink, type TimelineScope } from '../timelineEvents.ts';
import { eventStyle } from './eventStyle.tsx';
import { TimelineEvent } from './TimelineEvent.tsx';
import { useEventNames } from './useEventNames.ts';

interface TimelineDaysProps {
  events: readonly TTimelineEvent[];
  scope: TimelineScope;
  /** The customer whose contacts and deals the events mention (the deal's customer on a deal's timeline). */
  customerId: string | null | undefined;
}

/** Events under a heading per day (today, yesterday, then dates), each with its icon, words, time, who and link. */
export function TimelineDays({ events, scope, customerId }: TimelineDaysProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const timeZone = useMemo(browserTimeZone, []);
  const { names, dealName, actor } = useEventNames(events, customerId);
  const groups = groupByDay(events, timeZone, (e) => eventDay(e, timeZone));
  const now = new Date();

  return (
    <Flex vertical gap={12}>
      {groups.map((group) => {
        const relative = relativeDay(group.day, now, timeZone);
        return (
          <section key={group.day} data-testid="timeline-day">
            <Typography.Text strong style={{ display: 'block', marginBottom: 12 }}>
              {relative ? `${t(`activities.timeline.${relative}`)} · ` : ''}
              {formatDayHeading(group.day, lng)}
            </Typography.Text>
            <AntTimeline
              items={group.events.map((e) => {
                const style = eventStyle(e);
                return {
                  key: `${e.kind}:${e.id}`,
                  color: style.hex,
                  icon: <span style={{ color: style.hex, fontSize: 16 }}>{style.icon}</span>,
                  content: (
                    <TimelineEvent
                      event={e}
                      description={describeEvent(e, scope, names)}
                      link={eventLink(e, scope, dealName)}
                      who={e.actorId ? actor(e.actorId) || '…' : actorless(e) === 'system' ? t('activities.timeline.system') : null}
                      timeZone={timeZone}
                    />
                  ),
                };
              })}
            />
          </section>
        );
      })}
    </Flex>
  );
}
