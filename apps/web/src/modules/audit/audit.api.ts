import type { ZAuditEntry } from '@tierline/contracts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer } from '../../shared/types.ts';

export type TAuditEntry = Infer<typeof ZAuditEntry>;

export interface AuditFilters {
  entity?: string;
  entityId?: string;
}

export const auditKeys = {
  all: ['audit-log'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
};

export function useAuditLog(filters: AuditFilters) {
  return useCursorList<TAuditEntry>(auditKeys.list(filters), '/audit-log', { ...filters });
}
