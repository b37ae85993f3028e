import type { TTimelineEvent } from '@tierline/contracts';
import { Spin, Typography } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActivity } from '../activities.api.ts';
import { formatTimeOfDay } from '../timelineDays.ts';
import { type EventDescription, type EventLink, type EventMessage, hasTimeOfDay } from '../timelineEvents.ts';

interface TimelineEventProps {
  event: TTimelineEvent;
  description: EventDescription;
  link: EventLink | null;
  /** Who did it ("the system" for its rules); null when nobody is recorded. */
  who: string | null;
  timeZone: string;
}

/** One event: its sentence, its details, then when, who and where it leads; an activity's notes on request. */
export function TimelineEvent({ event: e, description, link, who, timeZone }: TimelineEventProps) {
  const { t, i18n } = useTranslation();
  const [notesOpen, setNotesOpen] = useState(false);
  // describeEvent picks the sentence at run time, with the values that sentence takes; typed t() cannot follow that.
  const translate = t as unknown as (key: string, params: EventMessage['params']) => string;
  const say = (m: EventMessage) => translate(`activities.events.${m.key}`, m.params);
  const { headline, details } = description;
  const dot = ' · ';

  // When, who, where it leads, and an activity's notes: whichever of them the event has.
  const meta: [string, ReactNode][] = [];
  if (hasTimeOfDay(e)) meta.push(['time', formatTimeOfDay(e.at, i18n.language, timeZone)]);
  if (who) meta.push(['who', who]);
  if (link)
    meta.push([
      'link',
      <Link key="link" to={link.to}>
        {typeof link.label === 'string' ? link.label : say(link.label)}
      </Link>,
    ]);
  if (e.kind === 'activity')
    meta.push([
      'notes',
      <Typography.Link key="notes" style={{ fontSize: 12 }} onClick={() => setNotesOpen(!notesOpen)} aria-expanded={notesOpen}>
        {notesOpen ? t('activities.timeline.hideNotes') : t('activities.timeline.showNotes')}
      </Typography.Link>,
    ]);

  return (
    <div data-testid="timeline-event" data-kind={e.kind} style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text strong={e.kind === 'activity'}>{say(headline)}</Typography.Text>
      {details.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {details.map(say).join(dot)}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {meta.map(([key, part], i) => (
          <Fragment key={key}>
            {i > 0 && dot}
            {part}
          </Fragment>
        ))}
      </Typography.Text>
      {notesOpen && <ActivityNotes id={e.id} />}
    </div>
  );
}

/** The timeline carries no notes (they may be long): read them from the activity when the reader asks. */
function ActivityNotes({ id }: { id: string }) {
  const { t } = useTranslation();
  const activity = useActivity(id, true);
  if (activity.isPending) return <Spin size="small" />;
  const notes = activity.data?.notes;
  return (
    <Typography.Paragraph
      type={notes ? undefined : 'secondary'}
      style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', padding: '6px 10px', background: 'rgba(0, 0, 0, 0.02)', borderRadius: 6 }}
      data-testid="activity-notes"
    >
      {activity.isError ? t('errors.loadFailed') : notes || t('activities.timeline.noNotes')}
    </Typography.Paragraph>
  );
}
