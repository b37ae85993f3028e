import { DownloadOutlined } from '@ant-design/icons';
import type { TExportFormat, TLocale } from '@tierline/contracts';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildUrl } from './api.ts';

type FilterValue = string | number | boolean | null | undefined;

/** The export's language: the UI's, with any English variant as en. */
export const exportLocale = (language: string): TLocale => (language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/**
 * `/api/v1/<list>/export?…`: the list's current filters (paging left out: the export takes every
 * matching row), the format and the language of the column headers.
 */
export function exportUrl(list: string, format: TExportFormat, language: string, filters: Record<string, FilterValue> = {}): string {
  const { limit: _limit, cursor: _cursor, ...rest } = filters;
  return buildUrl(`/${list}/export`, { ...rest, format, locale: exportLocale(language) });
}

interface ExportButtonProps {
  /** The list's path segment: customers, service-requests… */
  list: string;
  /** The filters the list on screen is showing. */
  filters?: Record<string, FilterValue>;
  /** A label other than 导出, e.g. on a timeline, where only the activities are exported. */
  label?: string;
  size?: 'small' | 'middle';
}

/**
 * 导出 → CSV / Excel. Each choice is a plain download link: the session cookie authenticates the GET
 * and the browser streams the file to disk, so a 100,000-row export never sits in the page's memory.
 */
export function ExportButton({ list, filters, label, size }: ExportButtonProps) {
  const { t, i18n } = useTranslation();
  const link = (format: TExportFormat) => (
    <a href={exportUrl(list, format, i18n.language, filters)} download data-testid={`export-${format}`}>
      {t(`exports.${format}`)}
    </a>
  );
  const items: MenuProps['items'] = [
    { key: 'csv', label: link('csv') },
    { key: 'xlsx', label: link('xlsx') },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} size={size} title={t('exports.hint')} data-testid={`export-${list}`}>
        {label ?? t('exports.button')}
      </Button>
    </Dropdown>
  );
}
