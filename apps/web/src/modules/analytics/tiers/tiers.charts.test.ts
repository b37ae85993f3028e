import type { TTierMigration } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { lorenzOption, migrationOption } from './tiers.charts.ts';

const tier = (id: string, rank: number) => ({ id, key: id, nameZh: `${id}级`, nameEn: id, rank });
const cell = (from: string | null, to: string, count: number) => ({
  fromTierId: from,
  fromKey: from ?? 'new',
  fromNameZh: '',
  fromNameEn: '',
  toTierId: to,
  toKey: to,
  toNameZh: '',
  toNameEn: '',
  count,
});

describe('tier analytics charts', () => {
  it('puts each migration cell at (to column, from row), with "new" as the first row', () => {
    const m: TTierMigration = {
      from: '2026-01-01',
      to: '2026-07-01',
      tiers: [tier('KA', 1), tier('SMB', 2)],
      cells: [cell(null, 'SMB', 4), cell('KA', 'KA', 9), cell('SMB', 'KA', 2), cell('KA', 'SMB', 1), cell('SMB', 'SMB', 30)],
      total: 46,
      upgraded: 2,
      downgraded: 1,
      unchanged: 39,
      new: 4,
    };
    const option = migrationOption(m, 'zh-CN', '新增');
    expect((option.yAxis as { data: string[] }).data).toEqual(['新增', 'KA级', 'SMB级']);
    const series = option.series as { data: number[][] }[];
    expect(series[0].data).toContainEqual([1, 0, 4]);
    expect(series[0].data).toContainEqual([0, 2, 2]);
    // The colour scale spans the moves, not the large unchanged diagonal.
    expect((option.visualMap as { max: number }).max).toBe(4);
  });

  it('draws the Lorenz curve in percent beside the line of equal shares', () => {
    const option = lorenzOption(
      [
        { customerPercent: 0, revenueShare: '0' },
        { customerPercent: 50, revenueShare: '0.8123' },
        { customerPercent: 100, revenueShare: '1' },
      ],
      { curve: 'c', equal: 'e' },
    );
    const series = option.series as { data: number[] }[];
    expect(series[0].data).toEqual([0, 81.2, 100]);
    expect(series[1].data).toEqual([0, 50, 100]);
  });
});
