import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TLead,
  TLeadConvert,
  TLeadCreate,
  TLeadScoringRuleInput,
  TLeadUpdate,
  ZLeadConversion,
  ZLeadDuplicate,
  ZLeadListQuery,
  ZLeadOpenStatus,
  ZLeadScoringRule,
  ZLeadScoringRulesResult,
  ZLeadStatus,
  ZLeadWithDuplicates,
} from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer } from '../../shared/types.ts';

export type TLeadStatus = Infer<typeof ZLeadStatus>;
export type TLeadOpenStatus = Infer<typeof ZLeadOpenStatus>;
export type TLeadDuplicate = Infer<typeof ZLeadDuplicate>;
export type TLeadWithDuplicates = Infer<typeof ZLeadWithDuplicates>;
export type TLeadConversion = Infer<typeof ZLeadConversion>;
export type TLeadScoringRule = Infer<typeof ZLeadScoringRule>;
export type TLeadScoringRulesResult = Infer<typeof ZLeadScoringRulesResult>;
export type TLeadSort = NonNullable<Infer<typeof ZLeadListQuery>['sort']>;

export const LEAD_STATUSES: TLeadStatus[] = ['new', 'working', 'qualified', 'disqualified', 'converted', 'merged'];
/** The statuses a person may pick; converted and merged are reached only by converting and merging. */
export const OPEN_STATUSES: TLeadOpenStatus[] = ['new', 'working', 'qualified', 'disqualified'];
export const LEAD_STATUS_COLORS: Record<TLeadStatus, string> = {
  new: 'blue',
  working: 'cyan',
  qualified: 'green',
  disqualified: 'default',
  converted: 'purple',
  merged: 'default',
};

/** Converted and merged leads are history: the server refuses to change them. */
export const isLeadOpen = (lead: Pick<TLead, 'status'>): boolean => lead.status !== 'converted' && lead.status !== 'merged';

export interface LeadFilters {
  q?: string;
  status?: TLeadStatus;
  source?: string;
  ownerId?: string;
  unassigned?: 'true';
  deleted?: 'only';
  sort?: TLeadSort;
}

export const leadKeys = {
  all: ['leads'] as const,
  lists: () => [...leadKeys.all, 'list'] as const,
  list: (filters: LeadFilters) => [...leadKeys.lists(), filters] as const,
  detail: (id: string) => [...leadKeys.all, 'detail', id] as const,
  duplicates: (id: string) => [...leadKeys.all, 'duplicates', id] as const,
  scoringRules: () => [...leadKeys.all, 'scoring-rules'] as const,
};

export function useLeadList(filters: LeadFilters) {
  return useCursorList<TLead>(leadKeys.list(filters), '/leads', { ...filters });
}

export function useLead(id: string, enabled = true) {
  return useQuery({
    queryKey: leadKeys.detail(id),
    queryFn: ({ signal }) => api.get<TLead>(`/leads/${id}`, undefined, signal),
    enabled: enabled && id !== '',
  });
}

/** Leads by id, for the names of duplicates; each fetched once and cached. */
export function useLeadsById(ids: ReadonlyArray<string | null | undefined>): Map<string, TLead> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: leadKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TLead>(`/leads/${id}`, undefined, signal),
      staleTime: 30_000,
    })),
    combine: toLeadMap,
  });
}

function toLeadMap(results: ReadonlyArray<{ data?: TLead }>): Map<string, TLead> {
  return new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : [])));
}

/**
 * Leads and customers that look like this lead. The list endpoint does not say which leads have
 * duplicates, so the list asks per row; a minute of caching keeps scrolling and paging cheap.
 */
export function useLeadDuplicates(id: string, enabled = true) {
  return useQuery({
    queryKey: leadKeys.duplicates(id),
    queryFn: ({ signal }) => api.get<{ data: TLeadDuplicate[] }>(`/leads/${id}/duplicates`, undefined, signal),
    select: (body) => body.data,
    staleTime: 60_000,
    enabled,
  });
}

/** Stores the changed lead and refreshes lists and duplicate checks (a change of email or phone moves both). */
function useLeadsChanged() {
  const queryClient = useQueryClient();
  return (...changed: TLead[]) => {
    for (const lead of changed) queryClient.setQueryData(leadKeys.detail(lead.id), lead);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: leadKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: [...leadKeys.all, 'duplicates'] }),
    ]);
  };
}

export function useCreateLead() {
  const changed = useLeadsChanged();
  return useMutation({
    mutationFn: (input: TLeadCreate) => api.post<TLeadWithDuplicates>('/leads', input),
    onSuccess: ({ duplicates: _, ...lead }) => changed(lead),
  });
}

/** Sends the version the form was loaded with: a concurrent change answers 409, not a silent overwrite. */
export function useUpdateLead() {
  const changed = useLeadsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: TLeadUpdate & { id: string }) => api.patch<TLead>(`/leads/${id}`, body),
    onSuccess: (lead) => changed(lead),
  });
}

/** Soft delete (restorable) or restore. */
export function useSetLeadDeleted() {
  const changed = useLeadsChanged();
  return useMutation({
    mutationFn: ({ lead, deleted }: { lead: TLead; deleted: boolean }) =>
      deleted
        ? api.delete<TLead>(`/leads/${lead.id}`, { version: lead.version })
        : api.post<TLead>(`/leads/${lead.id}/restore`, { version: lead.version }),
    onSuccess: (lead) => changed(lead),
  });
}

export interface MergeInput {
  /** The lead that goes away (becomes `merged`). */
  goneId: string;
  /** Its version, as the caller saw it. */
  version: number;
  /** The lead that survives and gains the fields it lacks. */
  intoId: string;
}

export function useMergeLead() {
  const changed = useLeadsChanged();
  return useMutation({
    mutationFn: ({ goneId, version, intoId }: MergeInput) =>
      api.post<{ kept: TLead; merged: TLead }>(`/leads/${goneId}/merge`, { intoId, version }),
    onSuccess: ({ kept, merged }) => changed(kept, merged),
  });
}

/**
 * Converts a lead; the customer, its contacts and the deal board gain records, so their caches go too.
 * Not awaited: the caller navigates to the new deal or customer at once, which loads fresh anyway.
 */
export function useConvertLead() {
  const queryClient = useQueryClient();
  const changed = useLeadsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: TLeadConvert & { id: string }) => api.post<TLeadConversion>(`/leads/${id}/convert`, body),
    onSuccess: (result) => {
      void changed(result.lead);
      for (const key of ['customers', 'contacts', 'deals']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

export function useScoringRules(enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.scoringRules(),
    queryFn: ({ signal }) => api.get<TLeadScoringRulesResult>('/lead-scoring-rules', undefined, signal),
    enabled,
  });
}

/** Replaces the rules; the server rescores every open lead in the same transaction, so every cached lead is stale. */
export function useSaveScoringRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: TLeadScoringRuleInput[]) => api.put<TLeadScoringRulesResult>('/lead-scoring-rules', { rules }),
    onSuccess: (result) => {
      queryClient.setQueryData(leadKeys.scoringRules(), result);
      return queryClient.invalidateQueries({ queryKey: leadKeys.all, predicate: (q) => q.queryKey[1] !== 'scoring-rules' });
    },
  });
}
