import { useQuery } from '@tanstack/react-query';
import type {
  TDeal,
  TDirectorDashboard,
  TForecastPipeline,
  TManagerDashboard,
  TRepDashboard,
  TTierConcentration,
} from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';
import { useFigure } from '../analytics/analytics.api.ts';

/** The dashboards' data: one call each (the server composes it), cached like every analytics figure. */
export const useRepDashboard = (repId: string | undefined) => useFigure<TRepDashboard>('dashboard/rep', { repId });
export const useManagerDashboard = (teamId: string | undefined, enabled: boolean) =>
  useFigure<TManagerDashboard>('dashboard/manager', { teamId }, enabled);
export const useDirectorDashboard = () => useFigure<TDirectorDashboard>('dashboard/director', {});
export const useForecastPipeline = (window: { from: string; to: string }) => useFigure<TForecastPipeline>('forecast/pipeline', window);
export const useConcentration = (window: { from: string; to: string }) => useFigure<TTierConcentration>('tiers/concentration', window);

/** Whether the user owns any deal (open or closed): a manager who sells gets their own dashboard as well. */
export function useOwnsDeals(userId: string, enabled: boolean): boolean {
  const query = useQuery({
    queryKey: ['dashboard', 'owns-deals', userId],
    queryFn: ({ signal }) => api.get<Page<TDeal>>('/deals', { ownerId: userId, limit: 1 }, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
  return (query.data?.data.length ?? 0) > 0;
}
