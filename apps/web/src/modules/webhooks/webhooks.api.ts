import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TWebhook,
  TWebhookAttempt,
  TWebhookDelivery,
  TWebhookDeliveryStatus,
  TWebhookEventType,
  TWebhookListItem,
  TWebhookWithSecret,
} from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Page } from '../../shared/types.ts';

export type {
  TWebhook,
  TWebhookAttempt,
  TWebhookDelivery,
  TWebhookDeliveryStatus,
  TWebhookEventType,
  TWebhookListItem,
  TWebhookWithSecret,
};

export const DELIVERY_STATUSES: TWebhookDeliveryStatus[] = ['pending', 'succeeded', 'failed'];
export const DELIVERY_COLORS: Record<TWebhookDeliveryStatus, string> = { pending: 'processing', succeeded: 'success', failed: 'error' };

/** What the form sends: the whole subscription (the secret is the server's). */
export type WebhookInput = { url: string; description: string | null; eventTypes: TWebhookEventType[]; active: boolean };

const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  deliveries: (id: string, status?: TWebhookDeliveryStatus) => [...webhookKeys.all, 'deliveries', id, status ?? 'all'] as const,
};

/** The organisation's subscriptions with their latest delivery; a handful, one page of 200 is all of them. */
export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) => api.get<Page<TWebhookListItem>>('/webhooks', { limit: 200 }, signal),
    // Deliveries happen by themselves (the job worker): the latest one's outcome is refreshed while the page is open.
    refetchInterval: 15_000,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) => api.post<TWebhookWithSecret>('/webhooks', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: Partial<WebhookInput> & { id: string; version: number }) =>
      api.patch<TWebhook>(`/webhooks/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (w: Pick<TWebhook, 'id' | 'version'>) => api.delete<TWebhook>(`/webhooks/${w.id}`, { version: w.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useRotateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TWebhookWithSecret>(`/webhooks/${id}/rotate-secret`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useSendTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TWebhookDelivery>(`/webhooks/${id}/test`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** A subscription's delivery log, newest first, each delivery with its attempts. */
export function useDeliveries(id: string, status?: TWebhookDeliveryStatus) {
  return useCursorList<TWebhookDelivery>(webhookKeys.deliveries(id, status), `/webhooks/${id}/deliveries`, { status });
}

export function useRedeliver(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<TWebhookDelivery>(`/webhooks/deliveries/${deliveryId}/redeliver`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...webhookKeys.all, 'deliveries', subscriptionId] }),
        queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
      ]),
  });
}
