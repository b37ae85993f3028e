import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TContact, ZBuyingRole, ZContactCreate, ZContactUpdate, ZSeniority } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer } from '../../shared/types.ts';

export type TBuyingRole = Infer<typeof ZBuyingRole>;
export type TSeniority = Infer<typeof ZSeniority>;
export type TContactCreate = Infer<typeof ZContactCreate>;
export type TContactUpdate = Infer<typeof ZContactUpdate>;

export const BUYING_ROLES: TBuyingRole[] = ['decision_maker', 'economic_buyer', 'influencer', 'user', 'gatekeeper'];
export const SENIORITIES: TSeniority[] = ['executive', 'manager', 'staff'];
export const BUYING_ROLE_COLORS: Record<TBuyingRole, string> = {
  decision_maker: 'red',
  economic_buyer: 'gold',
  influencer: 'blue',
  user: 'green',
  gatekeeper: 'default',
};

export const contactKeys = {
  all: ['contacts'] as const,
  byCustomer: (customerId: string) => [...contactKeys.all, 'customer', customerId] as const,
};

export function useContacts(customerId: string | null | undefined) {
  return useCursorList<TContact>(contactKeys.byCustomer(customerId ?? 'none'), '/contacts', { customerId: customerId ?? undefined });
}

export function useSaveContact(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TContactUpdate & { id?: string }) =>
      id ? api.patch<TContact>(`/contacts/${id}`, body) : api.post<TContact>('/contacts', { ...body, customerId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(customerId) }),
  });
}

export function useDeleteContact(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: TContact) => api.delete<TContact>(`/contacts/${contact.id}`, { version: contact.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(customerId) }),
  });
}
