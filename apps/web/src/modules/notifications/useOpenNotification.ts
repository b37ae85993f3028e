import type { TNotification } from '@tierline/contracts';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useMarkRead } from './notifications.api.ts';
import { entityRoute } from './notificationText.ts';

/**
 * Opening a notification marks it read and goes to the record it is about. The read is not awaited:
 * the page the reader asked for comes first, and the count catches up when the call returns.
 */
export function useOpenNotification(afterOpen?: () => void): (n: TNotification) => void {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const { mutate } = markRead;
  return useCallback(
    (n: TNotification) => {
      if (n.readAt === null) mutate(n.id);
      const route = entityRoute(n.entity, n.entityId);
      afterOpen?.();
      if (route) navigate(route);
    },
    [mutate, navigate, afterOpen],
  );
}
