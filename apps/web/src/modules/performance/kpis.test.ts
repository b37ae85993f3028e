import { KPI_KEYS } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { formatKpiValue, formatPercent, inputToTarget, KPI_LIST, kpiLabel, targetToInput } from './kpis.ts';
import { testT } from './testI18n.ts';

describe('KPIs', () => {
  it('lists every KPI of the contracts, in the contracts’ order, each with a label in both languages', () => {
    expect([...KPI_LIST]).toEqual([...KPI_KEYS]);
    const zh = testT('zh-CN');
    const en = testT('en');
    for (const kpi of KPI_LIST) {
      expect(kpiLabel(kpi, zh), kpi).not.toMatch(/^performance\./);
      expect(kpiLabel(kpi, en), kpi).not.toMatch(/^performance\./);
    }
    expect(kpiLabel('activities.visit', zh)).toBe('拜访');
    expect(kpiLabel('total', en)).toBe('Total score');
  });

  it('formats money in CNY, rates as %, satisfaction as x/5 and counts as integers', () => {
    expect(formatKpiValue('revenueWon', '125000.5', 'zh-CN')).toBe('¥125,000.50');
    expect(formatKpiValue('paymentsCollected', '125000.00', 'en')).toBe('CN¥125,000.00');
    expect(formatKpiValue('winRate', '0.6667', 'zh-CN')).toBe('66.67%');
    expect(formatKpiValue('followUpCompliance', '1', 'en')).toBe('100%');
    expect(formatKpiValue('satisfaction', '4.25', 'zh-CN')).toBe('4.25/5');
    expect(formatKpiValue('satisfaction', '4', 'zh-CN')).toBe('4/5');
    expect(formatKpiValue('newCustomers', '1234', 'en')).toBe('1,234');
    expect(formatKpiValue('activities.call', '12', 'en')).toBe('12');
  });

  it('shows nothing to measure as a dash, not as zero', () => {
    expect(formatKpiValue('winRate', null, 'en')).toBe('—');
    expect(formatKpiValue('satisfaction', undefined, 'en')).toBe('—');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('attainment reads as a percentage with up to two decimals', () => {
    expect(formatPercent(1.2346, 'en')).toBe('123.46%');
    expect(formatPercent(1.5, 'zh-CN')).toBe('150%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });

  it('rate targets are typed in percent and sent as fractions; the rest as they are', () => {
    expect(targetToInput('winRate', '0.35')).toBe(35);
    expect(targetToInput('forecastAccuracy', '0.3333')).toBe(33.33);
    expect(inputToTarget('winRate', 35)).toBe('0.35');
    expect(inputToTarget('winRate', 33.33)).toBe('0.3333');
    expect(inputToTarget('revenueWon', 1_000_000)).toBe('1000000');
    expect(inputToTarget('revenueWon', 1234.5)).toBe('1234.5');
    expect(inputToTarget('newCustomers', 12.4)).toBe('12');
    expect(inputToTarget('satisfaction', 4.5)).toBe('4.5');
    expect(inputToTarget('satisfaction', 7)).toBe('5');
    expect(inputToTarget('orders', -1)).toBeNull();
    expect(inputToTarget('orders', null)).toBeNull();
    expect(targetToInput('orders', null)).toBeNull();
  });
});
