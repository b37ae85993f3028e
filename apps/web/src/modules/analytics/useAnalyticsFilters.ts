import type { TAnalyticsFilters } from '@tierline/contracts';
import { useMemo } from 'react';
import { useUrlFilters } from '../../shared/useUrlFilters.ts';
import { localToday, presetWindow } from './window.ts';

type UrlFilters = { [K in keyof TAnalyticsFilters]?: string };

/**
 * The analytics filters, kept in the URL so a figure's link shares what it shows. With no window in the URL the
 * window is this quarter; a filter left empty is not sent (the caller's whole data scope).
 */
export function useAnalyticsFilters(): [TAnalyticsFilters, (patch: UrlFilters) => void] {
  const [url, setUrl] = useUrlFilters<UrlFilters>();
  const filters = useMemo<TAnalyticsFilters>(() => {
    const fallback = presetWindow('thisQuarter', localToday());
    const hasWindow = Boolean(url.from && url.to);
    return {
      from: hasWindow ? (url.from as string) : fallback.from,
      to: hasWindow ? (url.to as string) : fallback.to,
      teamId: url.teamId || undefined,
      repId: url.repId || undefined,
      region: url.region || undefined,
      levelId: url.levelId || undefined,
      tierId: url.tierId || undefined,
      pipelineId: url.pipelineId || undefined,
      compare: url.compare === 'previous' ? 'previous' : undefined,
    };
  }, [url]);
  return [filters, setUrl];
}
