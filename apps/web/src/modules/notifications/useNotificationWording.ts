import type { TNotification } from '@tierline/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api.ts';
import { tierName, useTiers } from '../tiers/tiers.api.ts';
import { notificationText } from './notificationText.ts';

export interface NotificationWords {
  message: string;
  detail: string | null;
}

/** Words notifications in the current language, naming tiers from the org's ladder. */
export function useNotificationWording(): (n: TNotification) => NotificationWords {
  const { t, i18n } = useTranslation();
  const { byId } = useTiers();
  const locale = i18n.language;
  const userId = useCurrentUser().id;
  return useCallback(
    (n: TNotification) => {
      const { message, detail } = notificationText(n, { locale, userId, tierName: (id) => tierName(byId.get(id), locale) });
      return {
        message: t(`notifications.messages.${message.key}`, message.values),
        detail: detail ? t(`notifications.details.${detail.key}`, detail.values) : null,
      };
    },
    [t, locale, byId, userId],
  );
}
