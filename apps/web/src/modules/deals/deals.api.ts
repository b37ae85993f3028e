import { type InfiniteData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDeal,
  TDealCreate,
  TPipeline,
  ZDealContactRole,
  ZDealDetail,
  ZDealLine,
  ZDealTask,
  ZDealTaskInput,
  ZDealUpdate,
  ZMilestone,
  ZMilestoneInput,
} from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer, Page } from '../../shared/types.ts';

export type TStage = TPipeline['stages'][number];
export type TDealDetail = Infer<typeof ZDealDetail>;
export type TDealUpdate = Infer<typeof ZDealUpdate>;
export type TDealContactRole = Infer<typeof ZDealContactRole>;
export type TDealLineInput = Infer<typeof ZDealLine>;
export type TMilestone = Infer<typeof ZMilestone>;
export type TMilestoneInput = Infer<typeof ZMilestoneInput>;
export type TDealTask = Infer<typeof ZDealTask>;
export type TDealTaskInput = Infer<typeof ZDealTaskInput>;
export type TForecastCategory = TDeal['forecastCategory'];
export const FORECAST_CATEGORIES: TForecastCategory[] = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'];

export const dealKeys = {
  all: ['deals'] as const,
  pipelines: () => [...dealKeys.all, 'pipelines'] as const,
  board: (pipelineId: string) => [...dealKeys.all, 'board', pipelineId] as const,
  column: (pipelineId: string, stageId: string) => [...dealKeys.board(pipelineId), stageId] as const,
  detail: (id: string) => [...dealKeys.all, 'detail', id] as const,
};

/** A stage's or pipeline's name in the UI language. */
export function localName(item: { nameZh: string; nameEn: string } | undefined, locale: string): string {
  if (!item) return '…';
  return locale.startsWith('zh') ? item.nameZh : item.nameEn;
}

/** Open stages in their order, then won, then lost: the columns of a board. */
export function boardStages(pipeline: TPipeline | undefined): TStage[] {
  const order = { open: 0, won: 1, lost: 2 } as const;
  return [...(pipeline?.stages ?? [])].sort((a, b) => order[a.kind] - order[b.kind] || a.position - b.position);
}

/** The three pipelines (short, long, project) with their stages and gates. */
export function usePipelines() {
  const query = useQuery({
    queryKey: dealKeys.pipelines(),
    queryFn: ({ signal }) => api.get<{ data: TPipeline[] }>('/pipelines', undefined, signal),
    staleTime: 10 * 60_000,
  });
  const index = useMemo(() => {
    const pipelines = query.data?.data ?? [];
    const stageById = new Map(pipelines.flatMap((p) => p.stages.map((s) => [s.id, s] as const)));
    return { pipelines, byId: new Map(pipelines.map((p) => [p.id, p])), stageById };
  }, [query.data]);
  return { ...query, ...index };
}

/** One column of the board: the deals in a stage, newest first, a page at a time. */
export function useStageDeals(pipelineId: string, stageId: string) {
  return useCursorList<TDeal>(dealKeys.column(pipelineId, stageId), '/deals', { pipelineId, stageId, sort: '-createdAt' });
}

export function useDeal(id: string) {
  return useQuery({ queryKey: dealKeys.detail(id), queryFn: ({ signal }) => api.get<TDealDetail>(`/deals/${id}`, undefined, signal) });
}

export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TDealCreate) => api.post<TDeal>('/deals', input),
    onSuccess: (deal) => queryClient.invalidateQueries({ queryKey: dealKeys.board(deal.pipelineId) }),
  });
}

/** Everything about one deal changed: its page and its board. */
function useDealChanged() {
  const queryClient = useQueryClient();
  return (deal: Pick<TDeal, 'id' | 'pipelineId'>) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dealKeys.detail(deal.id) }),
      queryClient.invalidateQueries({ queryKey: dealKeys.board(deal.pipelineId) }),
    ]);
}

export function useUpdateDeal() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: TDealUpdate & { id: string }) => api.patch<TDeal>(`/deals/${id}`, body),
    onSuccess: changed,
  });
}

type Columns = InfiniteData<Page<TDeal>>;
export interface MoveInput {
  deal: TDeal;
  stage: TStage;
  lossReason?: string;
}

/**
 * Moves a deal to another stage. The card moves at once; if the server refuses (a gate not met,
 * a stale version) both columns are put back as they were and the caller shows why.
 */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ deal, stage, lossReason }: MoveInput) =>
      api.post<TDeal>(`/deals/${deal.id}/move`, { stageId: stage.id, lossReason, version: deal.version }),
    onMutate: async ({ deal, stage }) => {
      const from = dealKeys.column(deal.pipelineId, deal.stageId);
      const to = dealKeys.column(deal.pipelineId, stage.id);
      await queryClient.cancelQueries({ queryKey: dealKeys.board(deal.pipelineId) });
      const snapshot = [from, to].map((key) => [key, queryClient.getQueryData<Columns>(key)] as const);
      queryClient.setQueryData<Columns>(
        from,
        (old) => old && { ...old, pages: old.pages.map((p) => ({ ...p, data: p.data.filter((d) => d.id !== deal.id) })) },
      );
      queryClient.setQueryData<Columns>(
        to,
        (old) =>
          old && {
            ...old,
            pages: old.pages.map((p, i) =>
              i === 0 ? { ...p, data: [{ ...deal, stageId: stage.id, probability: stage.probability }, ...p.data] } : p,
            ),
          },
      );
      return { snapshot };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: (_data, _error, { deal }) => changed(deal),
  });
}

export function useSetDealContacts(deal: Pick<TDeal, 'id' | 'pipelineId'>) {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: (contacts: TDealContactRole[]) => api.put(`/deals/${deal.id}/contacts`, { contacts }),
    onSuccess: () => changed(deal),
  });
}

export function useSetDealLines(deal: Pick<TDeal, 'id' | 'pipelineId'>) {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: (lines: TDealLineInput[]) => api.put(`/deals/${deal.id}/lines`, { lines }),
    onSuccess: () => changed(deal),
  });
}

/** Adds (no id) or changes (with id and version) a milestone of a project deal. */
export function useSaveMilestone(deal: Pick<TDeal, 'id' | 'pipelineId'>) {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, version, ...body }: Partial<TMilestoneInput> & { id?: string; version?: number }) =>
      id
        ? api.patch<TMilestone>(`/deals/${deal.id}/milestones/${id}`, { ...body, version })
        : api.post<TMilestone>(`/deals/${deal.id}/milestones`, body),
    onSuccess: () => changed(deal),
  });
}

/** Adds (no id) or changes (with id and version) a task handed to another department. */
export function useSaveTask(deal: Pick<TDeal, 'id' | 'pipelineId'>) {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, version, ...body }: Partial<TDealTaskInput> & { id?: string; version?: number }) =>
      id
        ? api.patch<TDealTask>(`/deals/${deal.id}/tasks/${id}`, { ...body, version })
        : api.post<TDealTask>(`/deals/${deal.id}/tasks`, body),
    onSuccess: () => changed(deal),
  });
}
