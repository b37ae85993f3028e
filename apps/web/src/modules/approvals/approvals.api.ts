import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApproval, ZApprovalKind, ZApprovalStatus } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer, Page } from '../../shared/types.ts';
import { contractKeys } from '../contracts/contracts.api.ts';
import { dealKeys } from '../deals/deals.api.ts';

export type TApprovalStatus = Infer<typeof ZApprovalStatus>;
export type TApprovalKind = Infer<typeof ZApprovalKind>;
/** toDecide: asked of me; requested: asked by me; all: the organisation's (directors and admins). */
export type TApprovalView = 'toDecide' | 'requested' | 'all' | 'mine';
export const APPROVAL_STATUSES: TApprovalStatus[] = ['pending', 'approved', 'rejected'];
export const APPROVAL_STATUS_COLORS: Record<TApprovalStatus, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

export interface ApprovalFilters {
  view: TApprovalView;
  status?: TApprovalStatus;
  kind?: TApprovalKind;
  entityId?: string;
}

// contracts.api.ts refreshes ['approvals'] after a status change; keep the root key in step.
export const approvalKeys = {
  all: ['approvals'] as const,
  list: (filters: ApprovalFilters) => [...approvalKeys.all, 'list', filters] as const,
  of: (entityId: string, view: TApprovalView) => [...approvalKeys.all, 'of', entityId, view] as const,
};

export function useApprovalList(filters: ApprovalFilters) {
  return useCursorList<TApproval>(approvalKeys.list(filters), '/approvals', { ...filters });
}

/** The approvals of one record, newest first (a contract's page shows where its approval stands). */
export function useApprovalsOf(entityId: string, view: TApprovalView) {
  return useQuery({
    queryKey: approvalKeys.of(entityId, view),
    queryFn: ({ signal }) => api.get<Page<TApproval>>('/approvals', { view, entityId, limit: 20 }, signal),
  });
}

export interface Decision {
  approval: TApproval;
  decision: 'approve' | 'reject';
  comment?: string;
}

/**
 * Approves or rejects. A contract-amount decision moves the contract (approved → active, rejected →
 * draft) and a discount decision changes what the deal may carry, so both are refreshed.
 */
export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ approval, decision, comment }: Decision) =>
      api.post<TApproval>(`/approvals/${approval.id}/${decision}`, comment ? { comment } : {}),
    onSettled: (_data, _error, { approval }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
        approval.entity === 'contract'
          ? queryClient.invalidateQueries({ queryKey: contractKeys.all })
          : queryClient.invalidateQueries({ queryKey: dealKeys.detail(approval.entityId) }),
      ]),
  });
}
