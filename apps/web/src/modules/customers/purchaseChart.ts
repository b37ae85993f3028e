import type { ChartOption } from '../../shared/Chart.tsx';

export interface MonthTotal {
  month: string;
  amount: string;
  orders: number;
}

/** The next calendar month of "YYYY-MM". */
function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

/**
 * Every month from the first to the last purchase, months without orders as zero: the chart's
 * x axis is a true timeline, so gaps between purchases show as gaps.
 */
export function fillMonths(monthly: readonly MonthTotal[]): MonthTotal[] {
  if (!monthly.length) return [];
  const byMonth = new Map(monthly.map((m) => [m.month, m]));
  const sorted = [...byMonth.keys()].sort();
  const last = sorted.at(-1) as string;
  const filled: MonthTotal[] = [];
  // Bounded: at most 50 years of months, whatever the data says.
  for (let month = sorted[0] as string; filled.length < 600; month = nextMonth(month)) {
    filled.push(byMonth.get(month) ?? { month, amount: '0', orders: 0 });
    if (month === last) break;
  }
  return filled;
}

/** Bars of the amount bought each month, with the number of orders as a line on a second axis. */
export function monthlyChartOption(
  monthly: readonly MonthTotal[],
  labels: { amount: string; orders: string },
  locale: string,
): ChartOption {
  const months = fillMonths(monthly);
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.amount, labels.orders], top: 0 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: '', axisLabel: { formatter: (value: number) => compact.format(value) } },
      { type: 'value', name: '', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.amount, type: 'bar', data: months.map((m) => Number(m.amount)), itemStyle: { color: '#1f5fbf' }, barMaxWidth: 32 },
      {
        name: labels.orders,
        type: 'line',
        yAxisIndex: 1,
        data: months.map((m) => m.orders),
        itemStyle: { color: '#d48806' },
        smooth: false,
      },
    ],
  };
}
