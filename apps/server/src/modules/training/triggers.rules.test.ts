import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../performance/periods.rules.ts';
import {
  addDays,
  decideFires,
  dueOnFor,
  endedAfter,
  firesFor,
  inAudience,
  lastClosedPeriod,
  metricHasSample,
  periodClosed,
  periodForJob,
  runProblem,
  shareOf,
} from './triggers.rules.ts';

const SH = 'Asia/Shanghai';
const criteria = { threshold: '0.2', minSample: 5, teamIds: [] as string[], levelIds: [] as string[] };
const rep = (repId: string, value: string | null, sample: number | null, teamId: string | null = 't1', levelId: string | null = 'l1') => ({
  repId,
  teamId,
  levelId,
  value,
  sample,
});

describe('which reps a trigger fires for', () => {
  it('fires only strictly below the threshold, compared exactly', () => {
    expect(firesFor({ value: '0.1999', sample: 10 }, criteria)).toBe(true);
    expect(firesFor({ value: '0.2000', sample: 10 }, criteria)).toBe(false);
    expect(firesFor({ value: '0.2', sample: 10 }, { ...criteria, threshold: '0.2000' })).toBe(false);
    expect(firesFor({ value: '0.2001', sample: 10 }, criteria)).toBe(false);
    expect(firesFor({ value: '0.0000', sample: 10 }, criteria)).toBe(true);
    // Money and counts the same way: 99999.99 < 100000.
    expect(firesFor({ value: '99999.99', sample: null }, { ...criteria, threshold: '100000' })).toBe(true);
    expect(firesFor({ value: '12', sample: null }, { ...criteria, threshold: '12' })).toBe(false);
  });

  it('never fires without a figure, whatever the threshold', () => {
    expect(firesFor({ value: null, sample: 0 }, { ...criteria, minSample: 1 })).toBe(false);
    expect(firesFor({ value: null, sample: null }, { ...criteria, threshold: '99999' })).toBe(false);
  });

  it('needs minSample where the metric has a sample; a figure without one (a count KPI) is not held to it', () => {
    expect(firesFor({ value: '0.0000', sample: 4 }, criteria)).toBe(false);
    expect(firesFor({ value: '0.0000', sample: 5 }, criteria)).toBe(true);
    expect(firesFor({ value: '0', sample: null }, { ...criteria, threshold: '3', minSample: 100 })).toBe(true);
    expect(metricHasSample({ kind: 'winRate', processType: 'long' })).toBe(true);
    expect(metricHasSample({ kind: 'stageConversion', stageId: '0190a3b4-0000-7000-8000-000000000000' })).toBe(true);
    expect(metricHasSample({ kind: 'kpi', kpi: 'winRate' })).toBe(true);
    expect(metricHasSample({ kind: 'kpi', kpi: 'activities' })).toBe(false);
  });

  it('watches every rep without filters, and only matching ones with them (team and level both)', () => {
    expect(inAudience({ teamId: null, levelId: null }, criteria)).toBe(true);
    expect(inAudience({ teamId: 't1', levelId: 'l1' }, { teamIds: ['t1'], levelIds: [] })).toBe(true);
    expect(inAudience({ teamId: 't2', levelId: 'l1' }, { teamIds: ['t1'], levelIds: [] })).toBe(false);
    expect(inAudience({ teamId: null, levelId: 'l1' }, { teamIds: ['t1'], levelIds: [] })).toBe(false);
    expect(inAudience({ teamId: 't1', levelId: 'l2' }, { teamIds: ['t1'], levelIds: ['l1'] })).toBe(false);
    expect(inAudience({ teamId: 't1', levelId: null }, { teamIds: [], levelIds: ['l1'] })).toBe(false);
    expect(inAudience({ teamId: 't1', levelId: 'l1' }, { teamIds: ['t1', 't2'], levelIds: ['l1'] })).toBe(true);
  });

  it('decides the fires with the figure, the threshold and the sample, counting the watched reps', () => {
    const figures = [
      rep('low', '0.1000', 10),
      rep('high', '0.5000', 6),
      rep('few', '0.0000', 2),
      rep('none', null, 0),
      rep('otherTeam', '0.0000', 10, 't2'),
    ];
    expect(decideFires(figures, { ...criteria, teamIds: ['t1'] })).toEqual({
      evaluated: 4,
      fires: [{ repId: 'low', value: '0.1000', threshold: '0.2000', sample: 10 }],
    });
    expect(decideFires(figures, criteria).fires.map((f) => f.repId)).toEqual(['low', 'otherTeam']);
    expect(decideFires([rep('count', '3', null)], { ...criteria, threshold: '5' }).fires).toEqual([
      { repId: 'count', value: '3.0000', threshold: '5.0000', sample: null },
    ]);
  });

  it('takes shares exactly, rounded half up to 4 places, none when nothing to measure', () => {
    expect(shareOf(1, 10)).toBe('0.1000');
    expect(shareOf(3, 6)).toBe('0.5000');
    expect(shareOf(2, 3)).toBe('0.6667');
    expect(shareOf(1, 3)).toBe('0.3333');
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe('which period the job evaluates', () => {
  it('takes the last closed period of the kind in the organisation’s zone', () => {
    // 2026-09-30T15:59Z is 23:59 on 30 September in Shanghai: Q3 is still running.
    expect(lastClosedPeriod('quarter', new Date('2026-09-30T15:59:00Z'), SH).key).toBe('2026-Q2');
    // 16:00Z is midnight on 1 October in Shanghai: Q3 has closed — but not yet in UTC.
    expect(lastClosedPeriod('quarter', new Date('2026-09-30T16:00:00Z'), SH).key).toBe('2026-Q3');
    expect(lastClosedPeriod('quarter', new Date('2026-09-30T16:00:00Z'), 'UTC').key).toBe('2026-Q2');
    expect(lastClosedPeriod('month', new Date('2026-01-10T00:00:00Z'), SH).key).toBe('2025-12');
    expect(lastClosedPeriod('quarter', new Date('2026-02-10T00:00:00Z'), SH).key).toBe('2025-Q4');
    expect(lastClosedPeriod('year', new Date('2026-06-10T00:00:00Z'), SH).key).toBe('2025');
    // Midnight of 1 January in New York is 05:00Z: at 04:59Z 2026 has not begun there.
    expect(lastClosedPeriod('year', new Date('2026-01-01T04:59:00Z'), 'America/New_York').key).toBe('2024');
  });

  it('knows when a period has closed in the zone', () => {
    const q3 = parsePeriod('2026-Q3');
    expect(periodClosed(q3, new Date('2026-09-30T15:59:59Z'), SH)).toBe(false);
    expect(periodClosed(q3, new Date('2026-09-30T16:00:00Z'), SH)).toBe(true);
    expect(periodClosed(q3, new Date('2026-09-30T16:00:00Z'), 'UTC')).toBe(false);
    expect(periodClosed(parsePeriod('2026-Q4'), new Date('2026-11-15T00:00:00Z'), SH)).toBe(false);
  });

  it('evaluates only a period that ended after the trigger was created', () => {
    const q3 = parsePeriod('2026-Q3');
    expect(endedAfter(q3, new Date('2026-08-15T00:00:00Z'), SH)).toBe(true);
    // Created at 23:59 on the last day (Shanghai): the period ended after it.
    expect(endedAfter(q3, new Date('2026-09-30T15:59:00Z'), SH)).toBe(true);
    // Created at its closing instant or later: it did not.
    expect(endedAfter(q3, new Date('2026-09-30T16:00:00Z'), SH)).toBe(false);
    expect(endedAfter(q3, new Date('2026-10-02T00:00:00Z'), SH)).toBe(false);

    const created = new Date('2026-08-15T02:00:00Z');
    const trigger = { periodKind: 'quarter' as const, createdAt: created };
    // Before the quarter ends, the last closed one is Q2, which ended before the trigger existed.
    expect(periodForJob(trigger, new Date('2026-09-01T00:00:00Z'), SH)).toBeNull();
    expect(periodForJob(trigger, new Date('2026-09-30T16:30:00Z'), SH)?.key).toBe('2026-Q3');
    expect(periodForJob(trigger, new Date('2026-12-15T00:00:00Z'), SH)?.key).toBe('2026-Q3');
    expect(periodForJob(trigger, new Date('2027-01-15T00:00:00Z'), SH)?.key).toBe('2026-Q4');
    // A trigger created after Q3 closed waits for Q4.
    const late = { periodKind: 'quarter' as const, createdAt: new Date('2026-10-05T00:00:00Z') };
    expect(periodForJob(late, new Date('2026-10-05T01:00:00Z'), SH)).toBeNull();
    expect(periodForJob(late, new Date('2027-01-01T00:00:00Z'), SH)?.key).toBe('2026-Q4');
    // Monthly, in another zone.
    const monthly = { periodKind: 'month' as const, createdAt: new Date('2026-03-31T20:00:00Z') };
    expect(periodForJob(monthly, new Date('2026-04-01T05:00:00Z'), 'America/New_York')?.key).toBe('2026-03');
    expect(periodForJob(monthly, new Date('2026-04-01T05:00:00Z'), SH)).toBeNull(); // created on 1 April there
  });

  it('refuses an explicit run of a period not closed, or of another kind', () => {
    const t = { periodKind: 'quarter' as const };
    const now = new Date('2026-09-30T16:30:00Z');
    expect(runProblem('2026-Q3', t, now, SH)).toBeNull();
    expect(runProblem('2026-Q1', t, now, SH)).toBeNull();
    expect(runProblem('2026-Q3', t, now, 'UTC')?.code).toBe('period_not_closed');
    expect(runProblem('2026-Q4', t, now, SH)?.code).toBe('period_not_closed');
    expect(runProblem('2026-08', t, now, SH)?.code).toBe('period_kind_mismatch');
  });

  it('dates the enrolment dueDays after the period’s last day', () => {
    expect(dueOnFor(parsePeriod('2026-Q3'), 30)).toBe('2026-10-30');
    expect(dueOnFor(parsePeriod('2026-Q3'), 1)).toBe('2026-10-01');
    expect(dueOnFor(parsePeriod('2026-02'), 14)).toBe('2026-03-14');
    expect(dueOnFor(parsePeriod('2026'), 31)).toBe('2027-01-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
