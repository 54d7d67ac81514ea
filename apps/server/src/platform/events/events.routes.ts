// HTTP of real-time events and notifications: the per-user SSE stream and the notification bell's list and
// read marks. On real PostgreSQL it also connects the app's event bus to LISTEN/NOTIFY.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Gauge } from 'prom-client';
import { z } from 'zod';
import { requireActor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { openEventStream, parseLastEventId } from './events.stream.ts';
import { notificationListSchema, notificationSchema } from '@guanxi/contracts';
import { findNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.ts';

/** Per user and process; each open tab holds one stream. */
export const MAX_STREAMS_PER_USER = 20;

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export function registerEventRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const openStreams = new Map<ServerResponse, string>();
  new Gauge({
    name: 'guanxi_sse_connections',
    help: 'Open Server-Sent Events streams in this process',
    registers: [app.metrics],
    collect() {
      this.set(openStreams.size);
    },
  });

  if (app.database.engine === 'postgres') {
    app.addHook('onReady', async () => {
      await app.events.attachPostgres(app.database);
    });
    app.addHook('onClose', async () => {
      await app.events.close();
    });
  }
  // Open streams would keep app.close() waiting for ever.
  app.addHook('preClose', async () => {
    for (const res of openStreams.keys()) res.end();
  });

  api.get(
    '/v1/events/stream',
    {
      config: { metrics: false },
      schema: {
        tags: ['events'],
        summary: 'Server-Sent Events of the signed-in user',
        description:
          'text/event-stream. Events: `ready` {unread}, `notification` (with `id:`, the notification), `notifications.read`, ' +
          '`resync`, and module events. Reconnect with `Last-Event-ID` to receive the unread notifications missed meanwhile.',
        querystring: z.object({ lastEventId: z.string().max(100).optional() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const mine = [...openStreams.values()].filter((userId) => userId === actor.userId).length;
      if (mine >= MAX_STREAMS_PER_USER)
        throw new AppError('TOO_MANY_STREAMS', 429, undefined, undefined, { 'retry-after': '30' });
      const lastEventId = parseLastEventId(request.headers['last-event-id'] ?? request.query.lastEventId);
      openEventStream(app, request, reply, { userId: actor.userId, lastEventId, open: openStreams });
    },
  );

  api.get(
    '/v1/notifications',
    {
      schema: {
        tags: ['events'],
        summary: 'The signed-in user’s notifications, newest first',
        querystring: listQuerySchema,
        response: { 200: notificationListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { limit, cursor, unread } = request.query;
      return findNotifications(app.db, actor.userId, { limit, cursor, unreadOnly: unread === 'true' });
    },
  );

  api.post(
    '/v1/notifications/:id/read',
    {
      schema: {
        tags: ['events'],
        summary: 'Mark one of the user’s notifications read',
        params: z.object({ id: z.uuid() }),
        response: { 200: notificationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const notification = await markNotificationRead(app.db, app.events, actor.userId, request.params.id);
      if (!notification) throw new AppError('NOT_FOUND', 404);
      return notification;
    },
  );

  api.post(
    '/v1/notifications/read-all',
    {
      schema: {
        tags: ['events'],
        summary: 'Mark all the user’s notifications read',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { updated: await markAllNotificationsRead(app.db, app.events, actor.userId) };
    },
  );
}
