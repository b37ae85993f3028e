import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAssignmentEntity,
  TAssignmentResult,
  TAssignmentRule,
  TAssignmentRuleCreate,
  TAssignmentRuleUpdate,
  TCustomer,
  TDeal,
  TLead,
  TRole,
} from '@tierline/contracts';
import { useMemo } from 'react';
import { api, isApiError } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';

export const ENTITIES: readonly TAssignmentEntity[] = ['lead', 'customer', 'deal'];

export const assignmentKeys = {
  all: ['assignment'] as const,
  rules: () => [...assignmentKeys.all, 'rules'] as const,
  explain: (entity: TAssignmentEntity, id: string) => [...assignmentKeys.all, 'explain', entity, id] as const,
  records: (entity: TAssignmentEntity, q: string) => [...assignmentKeys.all, 'records', entity, q] as const,
};

/** Where each entity's records live in the API and in the other modules' query caches. */
const RECORD_PATH: Record<TAssignmentEntity, string> = { lead: '/leads', customer: '/customers', deal: '/deals' };
const RECORD_CACHE_ROOT: Record<TAssignmentEntity, string> = { lead: 'leads', customer: 'customers', deal: 'deals' };

type Rules = { data: TAssignmentRule[] };
const byPosition = (a: TAssignmentRule, b: TAssignmentRule) => a.position - b.position;

/**
 * Every rule of the organisation, grouped by entity in the order they are tried. One request for
 * all three tabs: an org has a handful of rules, and "is the org empty?" needs them all anyway.
 * The server installs the default rules on an org's first use, inside this very call.
 */
export function useAssignmentRules() {
  const query = useQuery({
    queryKey: assignmentKeys.rules(),
    queryFn: ({ signal }) => api.get<Rules>('/assignment-rules', undefined, signal),
  });
  const byEntity = useMemo(() => {
    const rules = query.data?.data ?? [];
    return Object.fromEntries(ENTITIES.map((e) => [e, rules.filter((r) => r.entity === e).sort(byPosition)])) as Record<
      TAssignmentEntity,
      TAssignmentRule[]
    >;
  }, [query.data]);
  return { ...query, rules: query.data?.data ?? [], byEntity };
}

function useRulesChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: assignmentKeys.rules() });
}

export function useCreateRule() {
  const changed = useRulesChanged();
  return useMutation({
    mutationFn: (input: TAssignmentRuleCreate) => api.post<TAssignmentRule>('/assignment-rules', input),
    onSuccess: changed,
  });
}

/** Sends the version the rule was shown with: a change made meanwhile by someone else answers 409. */
export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TAssignmentRuleUpdate & { id: string; version: number }) =>
      api.patch<TAssignmentRule>(`/assignment-rules/${id}`, body),
    onSuccess: (rule) => {
      // The switch shows its new state at once; the list is re-read behind it.
      queryClient.setQueryData<Rules>(assignmentKeys.rules(), (old) => old && { data: old.data.map((r) => (r.id === rule.id ? rule : r)) });
      return queryClient.invalidateQueries({ queryKey: assignmentKeys.rules() });
    },
  });
}

export function useDeleteRule() {
  const changed = useRulesChanged();
  return useMutation({
    mutationFn: (rule: Pick<TAssignmentRule, 'id' | 'version'>) => api.delete(`/assignment-rules/${rule.id}`, { version: rule.version }),
    onSettled: changed,
  });
}

/**
 * Puts an entity's rules in a new order. The list shows it at once; if the server refuses (someone
 * added or removed a rule meanwhile) the list is put back and re-read, and the caller says why.
 */
export function useReorderRules() {
  const queryClient = useQueryClient();
  const key = assignmentKeys.rules();
  return useMutation({
    mutationFn: ({ entity, ids }: { entity: TAssignmentEntity; ids: string[] }) =>
      api.put<Rules>('/assignment-rules/order', { entity, ids }),
    onMutate: async ({ ids }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Rules>(key);
      const position = new Map(ids.map((id, i) => [id, i + 1]));
      queryClient.setQueryData<Rules>(
        key,
        (old) => old && { data: old.data.map((r) => ({ ...r, position: position.get(r.id) ?? r.position })) },
      );
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** Installs the default rules; `replace` first deletes every current rule of every entity. */
export function useInstallDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (replace: boolean) => api.post<Rules>('/assignment-rules/defaults', { replace }),
    onSuccess: (rules) => queryClient.setQueryData(assignmentKeys.rules(), rules),
    onSettled: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.rules() }),
  });
}

/**
 * The latest automatic assignment of a record and why. 404 is an answer here (never assigned
 * automatically, or not visible to the caller), so it is not retried.
 */
export function useExplanation(entity: TAssignmentEntity, id: string | null | undefined) {
  return useQuery({
    queryKey: assignmentKeys.explain(entity, id ?? ''),
    queryFn: ({ signal }) => api.get<TAssignmentResult>(`/assignments/${entity}/${id}/explain`, undefined, signal),
    enabled: Boolean(id),
    retry: (failures, error) => !isApiError(error, 404) && !isApiError(error, 403) && failures < 2,
  });
}

/**
 * Runs the rules for one record and gives it to the rep they choose. The result is the record's
 * new explanation, so it goes straight into the explain cache; the record's own pages re-read its owner.
 */
export function useAutoAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entity, id }: { entity: TAssignmentEntity; id: string }) =>
      api.post<TAssignmentResult>(`/assignments/${entity}/${id}/assign`),
    onSuccess: (result) => {
      queryClient.setQueryData(assignmentKeys.explain(result.entity, result.entityId), result);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [RECORD_CACHE_ROOT[result.entity]] }),
        // A round-robin rule remembers whose turn it was.
        queryClient.invalidateQueries({ queryKey: assignmentKeys.rules() }),
      ]);
    },
  });
}

export interface RecordOption {
  id: string;
  label: string;
  detail: string | null;
}

function toOption(entity: TAssignmentEntity, r: TCustomer | TDeal | TLead): RecordOption {
  if (entity === 'lead') {
    const lead = r as TLead;
    return { id: lead.id, label: lead.name, detail: lead.company };
  }
  if (entity === 'customer') {
    const c = r as TCustomer;
    return { id: c.id, label: c.name, detail: c.region };
  }
  return { id: r.id, label: r.name, detail: null };
}

/** Records of one kind whose name matches what was typed (the explain drawer's picker); the server searches. */
export function useRecordSearch(entity: TAssignmentEntity, q: string) {
  return useQuery({
    queryKey: assignmentKeys.records(entity, q),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<TCustomer | TDeal | TLead>>(RECORD_PATH[entity], { q: q || undefined, limit: 20 }, signal);
      return page.data.map((r) => toOption(entity, r));
    },
    placeholderData: (previous) => previous,
  });
}

/** One record's name, for a record named by a pasted id that is not among the search results. */
export function useRecordName(entity: TAssignmentEntity, id: string | null) {
  return useQuery({
    queryKey: [...assignmentKeys.all, 'record', entity, id],
    queryFn: async ({ signal }) =>
      toOption(entity, await api.get<TCustomer | TDeal | TLead>(`${RECORD_PATH[entity]}/${id}`, undefined, signal)),
    enabled: Boolean(id),
    retry: false,
  });
}

/** Who may change the rules and who may run them on a record, as the server's routes say. */
export const RULE_EDITOR_ROLES: readonly TRole[] = ['admin', 'director'];
export const ASSIGNER_ROLES: readonly TRole[] = ['admin', 'director', 'manager'];
