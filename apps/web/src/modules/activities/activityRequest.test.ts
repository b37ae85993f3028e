import { describe, expect, it } from 'vitest';
import {
  type ActivityFormValues,
  buildActivityCreate,
  fromLocalInput,
  initialActivityValues,
  isTooFarAhead,
  placeActivityErrors,
  toLocalInput,
} from './activityRequest.ts';

const at = (value: string) => new Date(value);
const form = (values: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  kind: 'call',
  subject: '  确认二期预算 ',
  occurredAt: '2025-03-01T14:05',
  ...values,
});

describe('local date-time input', () => {
  it('shows a moment to the minute in the browser’s zone and reads it back', () => {
    const moment = at('2025-03-01T14:05:59');
    expect(toLocalInput(moment)).toBe('2025-03-01T14:05');
    expect(fromLocalInput('2025-03-01T14:05')).toBe(new Date(2025, 2, 1, 14, 5).toISOString());
  });
  it('reads nothing from an empty or malformed value', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput(undefined)).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
  it('accepts up to five minutes ahead of now, as the server does', () => {
    const now = at('2025-03-01T14:00:00');
    expect(isTooFarAhead('2025-03-01T14:05', now)).toBe(false);
    expect(isTooFarAhead('2025-03-01T14:06', now)).toBe(true);
    expect(isTooFarAhead('2025-02-28T09:00', now)).toBe(false);
  });
});

describe('initialActivityValues', () => {
  it('opens on a call happening now, unless the caller presets the kind and subject', () => {
    const now = at('2025-03-01T09:30:00');
    expect(initialActivityValues(now)).toEqual({ kind: 'call', subject: '', occurredAt: '2025-03-01T09:30' });
    expect(initialActivityValues(now, { kind: 'visit', subject: '季度拜访' })).toMatchObject({ kind: 'visit', subject: '季度拜访' });
  });
});

describe('buildActivityCreate', () => {
  it('logs on the customer with its contact and chosen deal; text trimmed, empty fields left out', () => {
    expect(
      buildActivityCreate(form({ outcome: 'reached', durationMinutes: 15, contactId: 'ct1', dealId: 'd1', notes: '  ' }), {
        customerId: 'c1',
      }),
    ).toEqual({
      kind: 'call',
      subject: '确认二期预算',
      occurredAt: fromLocalInput('2025-03-01T14:05'),
      outcome: 'reached',
      durationMinutes: 15,
      customerId: 'c1',
      contactId: 'ct1',
      dealId: 'd1',
    });
  });
  it('keeps the deal the page is about, whatever the form says', () => {
    expect(buildActivityCreate(form({ dealId: 'other' }), { customerId: 'c1', dealId: 'd1' }).dealId).toBe('d1');
  });
  it('sends a visit’s place and position, to six decimals', () => {
    const request = buildActivityCreate(
      form({ kind: 'visit', location: ' 苏州工业园区星湖街 328 号 ' }),
      { customerId: 'c1' },
      { geo: { latitude: 31.2989471234, longitude: 120.7453219876, accuracy: 20 } },
    );
    expect(request).toMatchObject({ kind: 'visit', location: '苏州工业园区星湖街 328 号', latitude: 31.298947, longitude: 120.745322 });
  });
  it('drops the check-in of anything but a visit (the server refuses it) and the outcome of a note', () => {
    const geo = { latitude: 31.3, longitude: 120.7 };
    const call = buildActivityCreate(form({ location: '会议室' }), { customerId: 'c1' }, { geo });
    expect(call).not.toHaveProperty('location');
    expect(call).not.toHaveProperty('latitude');
    const note = buildActivityCreate(form({ kind: 'note', outcome: 'done' }), { customerId: 'c1' });
    expect(note).not.toHaveProperty('outcome');
  });
  it('logs on a lead without contact or deal (a lead has neither until converted)', () => {
    const request = buildActivityCreate(form({ contactId: 'ct1', dealId: 'd1' }), { leadId: 'l1' });
    expect(request).toMatchObject({ leadId: 'l1' });
    expect(request).not.toHaveProperty('customerId');
    expect(request).not.toHaveProperty('contactId');
    expect(request).not.toHaveProperty('dealId');
  });
  it('leaves the time to the server when the form’s “now” was kept, and sends the time typed otherwise', () => {
    const opened = '2025-03-01T14:05';
    expect(buildActivityCreate(form({ occurredAt: opened }), { customerId: 'c1' }, { defaultOccurredAt: opened })).not.toHaveProperty(
      'occurredAt',
    );
    expect(
      buildActivityCreate(form({ occurredAt: '2025-03-01T09:00' }), { customerId: 'c1' }, { defaultOccurredAt: opened }).occurredAt,
    ).toBe(fromLocalInput('2025-03-01T09:00'));
  });
  it('sends a duration of zero minutes (a missed call takes none) but not an empty one', () => {
    expect(buildActivityCreate(form({ durationMinutes: 0 }), { customerId: 'c1' }).durationMinutes).toBe(0);
    expect(buildActivityCreate(form({ durationMinutes: null }), { customerId: 'c1' })).not.toHaveProperty('durationMinutes');
  });
});

describe('placeActivityErrors', () => {
  it('puts each refusal under its field, the check-in’s under the location, in our words where we know them', () => {
    expect(
      placeActivityErrors([
        { path: 'occurredAt', message: 'is in the future; log an activity once it has happened (plan it as a task)' },
        { path: 'body.contactId', message: 'not a contact of this activity’s customer' },
        { path: 'latitude', message: 'give latitude and longitude together' },
        { path: 'checkInAt', message: 'is in the future' },
        { path: 'subject', message: 'Too small: expected string to have >=1 characters' },
      ]),
    ).toEqual([
      { field: 'occurredAt', key: 'occurredAtFuture', message: expect.any(String) },
      { field: 'contactId', key: 'contact', message: expect.any(String) },
      { field: 'location', key: 'coordinates', message: expect.any(String) },
      { field: 'location', key: 'checkInFuture', message: expect.any(String) },
      { field: 'subject', key: null, message: 'Too small: expected string to have >=1 characters' },
    ]);
  });
  it('has no field for the customer or lead itself: those go in the message', () => {
    expect(placeActivityErrors([{ path: 'leadId', message: 'the lead is converted; log activities on what it became' }])).toEqual([
      { field: null, key: 'leadClosed', message: expect.any(String) },
    ]);
    expect(placeActivityErrors([{ path: 'customerId', message: 'the customer is deleted' }])[0]).toMatchObject({
      field: null,
      key: 'customer',
    });
    expect(placeActivityErrors([{ path: 'userIds.0', message: 'no such user' }])[0]).toMatchObject({ field: null, key: null });
  });
});
