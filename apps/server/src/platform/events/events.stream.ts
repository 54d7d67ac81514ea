// One Server-Sent Events connection: the user's bus events written as SSE frames, missed notifications replayed
// from Last-Event-ID, a keep-alive comment, and cleanup when either side goes away.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RESYNC_EVENT, type BusEvent } from './bus.ts';
import {
  countUnreadNotifications,
  findUnreadNotificationsAfter,
  getNotification,
  NOTIFICATION_EVENT,
  type Notification,
} from './notifications.service.ts';

/** How many delivered ids a stream remembers to avoid sending one twice (replay and live can overlap). */
const REMEMBERED_IDS = 500;

/** A Last-Event-ID we did not issue (not a notification id) is ignored rather than refused: browsers resend it blindly. */
export function parseLastEventId(value: unknown): string | undefined {
  return typeof value === 'string' && z.uuid().safeParse(value.trim()).success ? value.trim().toLowerCase() : undefined;
}

const frame = (event: string, data: unknown, id?: string): string =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function openEventStream(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { userId: string; lastEventId?: string; open: Map<ServerResponse, string> },
): void {
  const { userId } = options;
  const bus = app.events;
  reply.hijack();
  const res = reply.raw;
  // Headers set through `reply` (request id) are not written by a hijacked reply; helmet's are already on `res`.
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream.
    'x-accel-buffering': 'no',
  });
  options.open.set(res, userId);

  let closed = false;
  const sent = new Set<string>();
  let resumeAfter = options.lastEventId;
  const write = (text: string) => {
    if (!closed && !res.writableEnded && !res.destroyed) res.write(text);
  };
  const sendNotification = (notification: Notification) => {
    if (sent.has(notification.id)) return;
    sent.add(notification.id);
    if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value!);
    if (!resumeAfter || notification.id > resumeAfter) resumeAfter = notification.id;
    write(frame(NOTIFICATION_EVENT, notification, notification.id));
  };
  const replay = async () => {
    if (!resumeAfter) return;
    for (const notification of await findUnreadNotificationsAfter(app.db, userId, resumeAfter)) sendNotification(notification);
  };

  // Frames leave in the order their events arrived, even when one needs a query first.
  let queue = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(async () => {
      if (closed) return;
      try {
        await task();
      } catch (err) {
        request.log.warn({ err }, 'event stream could not send an event');
      }
    });
  };
  const onEvent = (event: BusEvent) => {
    const id = event.data?.id;
    if (event.type === NOTIFICATION_EVENT && typeof id === 'string') {
      enqueue(async () => {
        const notification = await getNotification(app.db, userId, id);
        if (notification) sendNotification(notification);
      });
    } else if (event.type === RESYNC_EVENT) {
      enqueue(async () => {
        await replay();
        write(frame('resync', {}));
      });
    } else {
      enqueue(async () => write(frame(event.type, event.data ?? {})));
    }
  };

  const unsubscribe = bus.subscribe(userId, onEvent);
  write(`retry: ${bus.retryMs}\n\n`);
  enqueue(async () => {
    write(frame('ready', { unread: await countUnreadNotifications(app.db, userId) }));
    await replay();
  });
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), bus.heartbeatMs);
  // Ending now and then makes the browser reconnect, which checks the session again.
  const expiry = setTimeout(() => res.end(), bus.streamMaxMs);

  res.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    clearTimeout(expiry);
    unsubscribe();
    options.open.delete(res);
  });
}
