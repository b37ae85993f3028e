import { describe, expect, it } from 'vitest';
import {
  cellOf,
  cellsOf,
  contentDisposition,
  type ExportColumn,
  exportFileName,
  headersOf,
  joinList,
  localDate,
  neutraliseCell,
} from './export.rules.ts';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://evil","click")', `'=HYPERLINK("http://evil","click")`],
    ['+86 138 0000 1234', "'+86 138 0000 1234"],
    ['-2+3+cmd|/C calc', "'-2+3+cmd|/C calc"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
    ['+', "'+"],
  ])('prefixes a formula-looking %j with an apostrophe', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(['-12.50', '+12', '-0', '42', '3.14159', '-1000000'])('leaves the plain number %j a number', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it.each(['华东机电', 'a=b', ' =1+1', "'=already", '', 'Acme -12', '12-3'])('leaves ordinary text %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it.each(['-12.5.0', '-1e5', '-12,50', '--1'])('treats %j as text, not a number', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });
});

type Row = { name: string; amount: string | null; count: number; note?: string };
const columns: ExportColumn<Row>[] = [
  { key: 'name', zh: '名称', en: 'Name', value: (r) => r.name },
  { key: 'amount', zh: '金额', en: 'Amount', value: (r) => r.amount, numeric: true },
  { key: 'count', zh: '数量', en: 'Count', value: (r) => r.count },
  { key: 'note', zh: '备注', en: 'Note', value: (r) => r.note },
];

describe('cells of a row', () => {
  const row: Row = { name: '=cmd', amount: '-12.50', count: -3 };

  it('keeps decimal text exact in CSV and makes it a number in Excel', () => {
    expect(cellsOf(columns, row, 'csv')).toEqual(["'=cmd", '-12.50', -3, null]);
    expect(cellsOf(columns, row, 'xlsx')).toEqual(["'=cmd", -12.5, -3, null]);
  });

  it('empties a missing value and neutralises a numeric column that holds text', () => {
    expect(cellOf(columns[1], { ...row, amount: null }, 'xlsx')).toBeNull();
    expect(cellOf(columns[1], { ...row, amount: '=1+1' }, 'xlsx')).toBe("'=1+1");
  });

  it('labels the columns in the asked language', () => {
    expect(headersOf(columns, 'zh-CN')).toEqual(['名称', '金额', '数量', '备注']);
    expect(headersOf(columns, 'en')).toEqual(['Name', 'Amount', 'Count', 'Note']);
  });
});

describe('file name and download headers', () => {
  it('dates the file by the organisation’s calendar day', () => {
    const at = new Date('2026-11-26T17:30:00Z'); // 01:30 on the 27th in Shanghai
    expect(localDate(at, 'Asia/Shanghai')).toBe('2026-11-27');
    expect(localDate(at, 'Europe/London')).toBe('2026-11-26');
    expect(exportFileName('customers', localDate(at, 'Asia/Shanghai'), 'csv')).toBe('customers-2026-11-27.csv');
    expect(exportFileName('service-requests', '2026-11-27', 'xlsx')).toBe('service-requests-2026-11-27.xlsx');
  });

  it('gives an ASCII name and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('customers-2026-11-27.csv')).toBe(
      `attachment; filename="customers-2026-11-27.csv"; filename*=UTF-8''customers-2026-11-27.csv`,
    );
    expect(contentDisposition(`客户 "A"(1).csv`)).toBe(
      `attachment; filename="__ _A_(1).csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7%20%22A%22%281%29.csv`,
    );
  });

  it('joins a list so the import splits it again', () => {
    expect(joinList(['制造', 'KA'])).toBe('制造, KA');
    expect(joinList([])).toBe('');
  });
});
