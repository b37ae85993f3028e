import type { TTrainingTrigger } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { testT } from '../../performance/testI18n.ts';
import {
  formatFigure,
  inputToThreshold,
  isRateMetric,
  lastClosedPeriod,
  NEW_TRIGGER,
  ruleText,
  sampleText,
  thresholdToInput,
  toTriggerWrite,
  triggerToForm,
  usesSample,
} from './triggerRules.ts';

const trigger = (over: Partial<TTrainingTrigger> = {}): TTrainingTrigger => ({
  id: 'tr1',
  name: '长周期赢单率偏低',
  metric: { kind: 'winRate', processType: 'long' },
  threshold: '0.2',
  periodKind: 'quarter',
  minSample: 5,
  courseId: 'c1',
  dueDays: 30,
  teamIds: [],
  levelIds: ['junior'],
  enabled: true,
  createdAt: '2026-10-01T00:00:00.000Z',
  lastRunPeriod: null,
  version: 2,
  ...over,
});

const names = { stage: (id: string) => (id === 's1' ? '需求确认' : undefined) };

describe('the rule in words', () => {
  const zh = testT('zh-CN');
  const en = testT('en');
  it('reads like the issue’s own example', () => {
    expect(ruleText(trigger(), names, zh, 'zh-CN')).toBe('长周期管道赢单率 < 20%/季度');
    expect(ruleText(trigger(), names, en, 'en')).toBe('Long-cycle pipeline win rate < 20% / quarter');
  });
  it('names a stage conversion by its stage, and a KPI in its unit', () => {
    const stage = trigger({ metric: { kind: 'stageConversion', stageId: 's1' }, threshold: '0.355', periodKind: 'month' });
    expect(ruleText(stage, names, zh, 'zh-CN')).toBe('“需求确认”阶段转化率 < 35.5%/月');
    const kpi = trigger({ metric: { kind: 'kpi', kpi: 'revenueWon' }, threshold: '100000', periodKind: 'year' });
    expect(ruleText(kpi, names, en, 'en')).toMatch(/ < CN¥100,000\.00 \/ year$/);
    expect(ruleText(trigger({ metric: { kind: 'stageConversion', stageId: 'gone' } }), names, en, 'en')).toBe(
      'Conversion out of “…” < 20% / quarter',
    );
  });
  it('words a sample as deals, and none as a dash', () => {
    expect(sampleText(12, zh, 'zh-CN')).toBe('12 笔');
    expect(sampleText(null, en, 'en')).toBe('—');
  });
});

describe('thresholds', () => {
  it('types rates in percent and sends them as fractions', () => {
    const winRate = { kind: 'winRate', processType: 'long' } as const;
    expect(isRateMetric(winRate)).toBe(true);
    expect(isRateMetric({ kind: 'stageConversion' })).toBe(true);
    expect(isRateMetric({ kind: 'kpi', kpi: 'followUpCompliance' })).toBe(true);
    expect(isRateMetric({ kind: 'kpi', kpi: 'revenueWon' })).toBe(false);
    expect(inputToThreshold(winRate, 20)).toBe('0.2');
    expect(inputToThreshold(winRate, 12.5)).toBe('0.125');
    expect(thresholdToInput(winRate, '0.2')).toBe(20);
    expect(thresholdToInput({ kind: 'stageConversion', stageId: 's1' }, '0.3333')).toBe(33.33);
    expect(inputToThreshold({ kind: 'kpi', kpi: 'revenueWon' }, 100000)).toBe('100000');
    expect(thresholdToInput({ kind: 'kpi', kpi: 'revenueWon' }, '100000')).toBe(100000);
    expect(inputToThreshold(winRate, null)).toBeNull();
    expect(inputToThreshold(winRate, -1)).toBeNull();
  });
  it('shows a figure as people read it', () => {
    expect(formatFigure({ kind: 'winRate', processType: 'long' }, '0.125', 'zh-CN')).toBe('12.5%');
    expect(formatFigure({ kind: 'kpi', kpi: 'orders' }, '3', 'en')).toBe('3');
  });
  it('asks for a minimum sample only where a rate is judged over deals', () => {
    expect(usesSample({ kind: 'winRate' })).toBe(true);
    expect(usesSample({ kind: 'stageConversion' })).toBe(true);
    expect(usesSample({ kind: 'kpi', kpi: 'winRate' })).toBe(true);
    expect(usesSample({ kind: 'kpi', kpi: 'revenueWon' })).toBe(false);
  });
});

describe('the form', () => {
  it('round-trips a trigger (threshold back in percent)', () => {
    const saved = trigger();
    const values = triggerToForm(saved);
    expect(values.threshold).toBe(20);
    expect(values.processType).toBe('long');
    const { id: _id, createdAt: _c, lastRunPeriod: _l, version: _v, ...write } = saved;
    expect(toTriggerWrite(values)).toEqual(write);
  });
  it('keeps only the metric its kind names, and refuses an incomplete one', () => {
    const body = toTriggerWrite({
      ...NEW_TRIGGER,
      name: ' x ',
      metricKind: 'stageConversion',
      stageId: 's1',
      processType: 'long',
      threshold: 40,
      courseId: 'c1',
    });
    expect(body?.metric).toEqual({ kind: 'stageConversion', stageId: 's1' });
    expect(body?.threshold).toBe('0.4');
    expect(body?.name).toBe('x');
    expect(toTriggerWrite({ ...NEW_TRIGGER, metricKind: 'kpi' })).toBeNull();
    expect(toTriggerWrite({ ...NEW_TRIGGER, threshold: null })).toBeNull();
  });
});

describe('lastClosedPeriod', () => {
  it('is the period before the one containing today', () => {
    const today = new Date(2026, 0, 15);
    expect(lastClosedPeriod('quarter', today)).toBe('2025-Q4');
    expect(lastClosedPeriod('month', today)).toBe('2025-12');
    expect(lastClosedPeriod('year', today)).toBe('2025');
  });
});
