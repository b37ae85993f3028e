import {
  listOf,
  ZId,
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZNotificationPreferencesPut,
  ZReadAllResult,
  ZUnreadCount,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import {
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  myPreferences,
  myUnreadCount,
  replaceMyPreferences,
} from './notifications.usecases.ts';

const tags = ['notifications'];

/** The signed-in user's own notifications and preferences: every role, the viewer included (things about oneself). */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/notifications',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'My notifications, newest first; unread=true for the unread ones',
        querystring: ZNotificationListQuery,
        response: { 200: listOf(ZNotification) },
      },
    },
    async (req) => listMyNotifications(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'How many of my notifications are unread (the bell)', response: { 200: ZUnreadCount } },
    },
    async (req) => myUnreadCount(ctxOf(req)),
  );
  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: ZReadAllResult } },
    },
    async (req) => markAllNotificationsRead(ctxOf(req)),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'Mark one of my notifications read', params: z.object({ id: ZId }), response: { 200: ZNotification } },
    },
    async (req) => markNotificationRead(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/notifications/preferences',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Which kinds of notification I receive (every kind, on unless turned off)',
        response: { 200: ZNotificationPreferences },
      },
    },
    async (req) => myPreferences(ctxOf(req)),
  );
  app.put(
    '/api/v1/notifications/preferences',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Replace which kinds I receive; a kind left out is on',
        body: ZNotificationPreferencesPut,
        response: { 200: ZNotificationPreferences },
      },
    },
    async (req) => replaceMyPreferences(ctxOf(req), req.body),
  );
};
