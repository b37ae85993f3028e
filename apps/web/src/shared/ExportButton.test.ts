import { describe, expect, it } from 'vitest';
import { exportLocale, exportUrl } from './ExportButton.tsx';

describe('exportUrl', () => {
  it('asks the list’s export for the format and the UI language, with the filters on screen', () => {
    expect(exportUrl('customers', 'csv', 'zh-CN', { status: 'active', tierId: 't-1', sort: '-createdAt' })).toBe(
      '/api/v1/customers/export?status=active&tierId=t-1&sort=-createdAt&format=csv&locale=zh-CN',
    );
    expect(exportUrl('service-requests', 'xlsx', 'en', {})).toBe('/api/v1/service-requests/export?format=xlsx&locale=en');
  });

  it('leaves out empty filters and paging, so the export takes every matching row', () => {
    expect(exportUrl('leads', 'csv', 'en', { q: '', ownerId: undefined, status: null, limit: 50, cursor: 'abc', unassigned: 'true' })).toBe(
      '/api/v1/leads/export?unassigned=true&format=csv&locale=en',
    );
  });

  it('encodes filter values', () => {
    expect(exportUrl('customers', 'csv', 'zh-CN', { q: '华东 & Co' })).toBe(
      '/api/v1/customers/export?q=%E5%8D%8E%E4%B8%9C+%26+Co&format=csv&locale=zh-CN',
    );
  });

  it('names the headers’ language as the server knows it', () => {
    expect(exportLocale('en')).toBe('en');
    expect(exportLocale('en-US')).toBe('en');
    expect(exportLocale('zh-CN')).toBe('zh-CN');
    expect(exportLocale('zh')).toBe('zh-CN');
  });
});
