import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import type { FigureRef } from '../analytics.api.ts';
import { FiguresAsOf } from './FiguresAsOf.tsx';

type QueryValue = string | number | boolean | null | undefined;

interface FigureCardProps<T> {
  title: ReactNode;
  query: UseQueryResult<T>;
  /**
   * The figure as served (its path and the filters useFigure sent): its data downloads from there, and since it is a
   * snapshot (decision 0035) the card says when it was computed and 刷新 computes it now.
   */
  figure?: FigureRef;
  /** The figure's path under /analytics (`funnel`, `tiers/distribution`): its data downloads from `<path>/export`. */
  exportPath?: string;
  /** The figure's own filters, sent with the export so the file holds what the chart shows. */
  exportQuery?: Record<string, QueryValue>;
  /** Controls beside the title (a "by" switch, a help link). */
  extra?: ReactNode;
  /** No rows to draw: an empty state instead of an empty chart. */
  isEmpty?: (data: T) => boolean;
  testId?: string;
  children: (data: T) => ReactNode;
}

/**
 * A card holding one figure: its title, the download of its data (CSV or Excel, with the filters on screen), and the
 * chart or table once the data is there — a skeleton while loading, the error with a retry if it failed.
 */
export function FigureCard<T>(props: FigureCardProps<T>) {
  const { title, query, figure, extra, isEmpty, testId, children } = props;
  const { t } = useTranslation();
  const exportPath = props.exportPath ?? figure?.path;
  const exportQuery = props.exportQuery ?? figure?.query;
  const actions = (
    <>
      {extra}
      {figure && <FiguresAsOf compact figures={[figure]} asOf={(query.data as { computedAt?: string } | undefined)?.computedAt} />}
      {exportPath && <ExportButton list={`analytics/${exportPath}`} filters={exportQuery} size="small" label={t('analytics.export')} />}
    </>
  );
  let body: ReactNode;
  if (query.isError && !query.data) body = <LoadError error={query.error} onRetry={query.refetch} />;
  else if (!query.data) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (isEmpty?.(query.data)) body = <Empty description={t('analytics.empty')} />;
  else body = children(query.data);
  return (
    <Card
      title={title}
      extra={<span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>{actions}</span>}
      data-testid={testId}
      styles={{ body: { opacity: query.isPlaceholderData ? 0.6 : 1 } }}
    >
      {body}
    </Card>
  );
}
