import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TContract,
  TContractCreate,
  TContractStatus,
  TContractUpdate,
  TDeal,
  TOverdueReport,
  TPayment,
  TPaymentCreate,
  ZContractDetail,
  ZInstallmentInput,
} from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer, Page } from '../../shared/types.ts';
import { dealKeys, type TDealDetail } from '../deals/deals.api.ts';

export type TContractDetail = Infer<typeof ZContractDetail>;
export type TInstallment = TContractDetail['installments'][number];
export type TInstallmentInput = Infer<typeof ZInstallmentInput>;

export const CONTRACT_STATUSES: TContractStatus[] = ['draft', 'pending_approval', 'active', 'completed', 'cancelled'];
export const CONTRACT_STATUS_COLORS: Record<TContractStatus, string> = {
  draft: 'default',
  pending_approval: 'orange',
  active: 'blue',
  completed: 'green',
  cancelled: 'red',
};

export interface ContractFilters {
  status?: TContractStatus;
  customerId?: string;
  ownerId?: string;
  dealId?: string;
  /** The start of a contract number. */
  q?: string;
}

export const contractKeys = {
  all: ['contracts'] as const,
  lists: () => [...contractKeys.all, 'list'] as const,
  list: (filters: ContractFilters) => [...contractKeys.lists(), filters] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
  overdue: (asOf: string) => [...contractKeys.all, 'overdue', asOf] as const,
  /** Not `list({ dealId })`: that key holds the paged list's data, a different shape. */
  ofDeal: (dealId: string) => [...contractKeys.lists(), 'deal', dealId] as const,
  wonDeals: (q: string) => [...contractKeys.all, 'won-deals', q] as const,
};

export function useContractList(filters: ContractFilters) {
  return useCursorList<TContract>(contractKeys.list(filters), '/contracts', { ...filters });
}

const fetchDetail = (id: string, signal?: AbortSignal) => api.get<TContractDetail>(`/contracts/${id}`, undefined, signal);

export function useContract(id: string) {
  return useQuery({ queryKey: contractKeys.detail(id), queryFn: ({ signal }) => fetchDetail(id, signal) });
}

/**
 * Received and outstanding of the listed contracts. The list answers without them, so each row's
 * detail is asked once and cached under the same key its page uses (opening a contract is then instant).
 */
export function useContractFigures(ids: readonly string[]): Map<string, Pick<TContractDetail, 'paid' | 'outstanding'>> {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: contractKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchDetail(id, signal),
      staleTime: 30_000,
    })),
    combine: toFigures,
  });
}

function toFigures(results: ReadonlyArray<{ data?: TContractDetail }>) {
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, { paid: r.data.paid, outstanding: r.data.outstanding }] as const] : [])));
}

/** Contracts made from one deal (normally one; a cancelled one may sit beside its replacement). */
export function useDealContracts(dealId: string) {
  return useQuery({
    queryKey: contractKeys.ofDeal(dealId),
    queryFn: ({ signal }) => api.get<Page<TContract>>('/contracts', { dealId, limit: 20 }, signal),
  });
}

/** Won deals matching what was typed: the deals a contract can be made from. */
export function useWonDealSearch(q: string) {
  return useQuery({
    queryKey: contractKeys.wonDeals(q),
    queryFn: ({ signal }) => api.get<Page<TDeal>>('/deals', { status: 'won', q, limit: 20 }, signal),
    placeholderData: (previous) => previous,
  });
}

/** Names of deals by id (a contract's deal, an approval's subject), cached under the deal page's own key. */
export function useDealNames(ids: ReadonlyArray<string | null | undefined>): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: dealKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TDealDetail>(`/deals/${id}`, undefined, signal),
      staleTime: 60_000,
      // A deal outside the caller's scope answers 404: it then shows without its name, no retries.
      retry: false,
    })),
    combine: toDealNames,
  });
}

function toDealNames(results: ReadonlyArray<{ data?: TDealDetail }>): Map<string, string> {
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name] as const] : [])));
}

export function useOverdueReceivables(asOf: string) {
  return useQuery({
    queryKey: contractKeys.overdue(asOf),
    queryFn: ({ signal }) => api.get<TOverdueReport>('/receivables/overdue', { asOf }, signal),
  });
}

/**
 * A contract changed: its page, the lists, the overdue report and the approvals (a status change
 * may open one) are all refreshed.
 */
function useContractChanged() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contractKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: contractKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: [...contractKeys.all, 'overdue'] }),
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
    ]);
}

export function useCreateContract() {
  const changed = useContractChanged();
  return useMutation({
    mutationFn: (input: TContractCreate) => api.post<TContract>('/contracts', input),
    onSuccess: (contract) => changed(contract.id),
  });
}

export function useUpdateContract() {
  const changed = useContractChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: TContractUpdate & { id: string; version: number }) => api.patch<TContract>(`/contracts/${id}`, body),
    onSuccess: (contract) => changed(contract.id),
  });
}

export function useChangeContractStatus() {
  const changed = useContractChanged();
  return useMutation({
    mutationFn: ({ contract, status }: { contract: TContract; status: Exclude<TContractStatus, 'draft'> }) =>
      api.post<TContract>(`/contracts/${contract.id}/status`, { status, version: contract.version }),
    onSuccess: (contract) => changed(contract.id),
  });
}

export function useDeleteContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contract: TContract) => api.delete<TContract>(`/contracts/${contract.id}`, { version: contract.version }),
    onSuccess: (contract) => {
      queryClient.removeQueries({ queryKey: contractKeys.detail(contract.id) });
      return queryClient.invalidateQueries({ queryKey: contractKeys.lists() });
    },
  });
}

/** Replaces the payment plan; the answer is the whole contract again, so the page updates from it. */
export function useSetInstallments(contract: Pick<TContract, 'id'>) {
  const queryClient = useQueryClient();
  const changed = useContractChanged();
  return useMutation({
    mutationFn: (body: { installments: TInstallmentInput[]; version: number }) =>
      api.put<TContractDetail>(`/contracts/${contract.id}/installments`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(contractKeys.detail(detail.id), detail);
      return changed(detail.id);
    },
  });
}

export function useRecordPayment(contract: Pick<TContract, 'id'>) {
  const changed = useContractChanged();
  return useMutation({
    mutationFn: (input: TPaymentCreate) => api.post<TPayment>(`/contracts/${contract.id}/payments`, input),
    onSuccess: () => changed(contract.id),
  });
}
