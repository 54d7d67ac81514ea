// The SSE stream over a real HTTP connection, and the notification endpoints.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../db/db.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { createTestDatabase } from '../../../test/harness/testDatabase.ts';
import { makeClient, type TestClient } from '../../../test/harness/testApp.ts';
import { buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { EventBus } from './bus.ts';
import { createNotification, type Notification } from './notifications.service.ts';
import { openSse, type SseFrame } from './sse.testkit.ts';
import { MAX_STREAMS_PER_USER } from './events.routes.ts';

let database: Database;
let app: FastifyInstance;
let bus: EventBus;
let base: string;
let alice: { id: string; cookie: string; client: TestClient };
let bob: { id: string; cookie: string; client: TestClient };

async function signedInUser(orgUnitId: string) {
  const user = await buildUser(database.db, { orgUnitId });
  const session = await createSession(database.db, user.id, { idleMinutes: 30, absoluteHours: 12 });
  const cookie = `${SESSION_COOKIE}=${session.cookieValue}`;
  return { id: user.id, cookie, client: makeClient(app, { cookie, 'x-csrf-token': session.csrfToken }) };
}

const notify = (userId: string, title: string) => createNotification(database.db, bus, { userId, kind: 'test', title });
const isNotification = (frame: SseFrame) => frame.event === 'notification';
const payload = (frame: SseFrame) => JSON.parse(frame.data) as Notification;

beforeAll(async () => {
  database = await createTestDatabase();
  bus = new EventBus({ heartbeatMs: 150, retryMs: 1234 });
  app = await buildApp({ database, config: { ...loadConfig({}), jobPollMs: 50 }, events: bus, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const root = await buildRootUnit(database.db);
  alice = await signedInUser(root.id);
  bob = await signedInUser(root.id);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('GET /api/v1/events/stream', () => {
  it('answers 401 with a JSON error when not signed in', async () => {
    const res = await fetch(`${base}/api/v1/events/stream`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('streams the user’s own notifications live, with retry hint, heartbeat and headers', async () => {
    const stream = await openSse(`${base}/api/v1/events/stream`, { cookie: alice.cookie, 'x-request-id': 'sse-test-0001' });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('cache-control')).toContain('no-cache');
      expect(stream.headers.get('x-request-id')).toBe('sse-test-0001');
      expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await stream.next()).retry).toBe(1234);
      const ready = await stream.next((f) => f.event === 'ready');
      expect(JSON.parse(ready.data)).toEqual({ unread: 0 });

      await notify(bob.id, 'for bob');
      const mine = await notify(alice.id, '客户「北京东区」的回访到期');
      const frame = await stream.next(isNotification);
      expect(frame.id).toBe(mine.id);
      expect(payload(frame)).toMatchObject({ id: mine.id, title: '客户「北京东区」的回访到期', readAt: null });

      expect((await stream.next((f) => f.event === 'comment')).comment).toBe('keep-alive');
    } finally {
      stream.close();
    }
  });

  it('replays unread notifications newer than Last-Event-ID, then continues live', async () => {
    const seen = await notify(alice.id, 'seen before the disconnect');
    const read = await notify(alice.id, 'read elsewhere meanwhile');
    const missed = await notify(alice.id, 'missed while away');
    await alice.client.post(`/api/v1/notifications/${read.id}/read`);

    const stream = await openSse(`${base}/api/v1/events/stream`, { cookie: alice.cookie, 'last-event-id': seen.id });
    try {
      expect(payload(await stream.next(isNotification)).id).toBe(missed.id);
      const live = await notify(alice.id, 'live again');
      expect(payload(await stream.next(isNotification)).id).toBe(live.id);

      await alice.client.post(`/api/v1/notifications/${live.id}/read`);
      const readFrame = await stream.next((f) => f.event === 'notifications.read');
      expect(JSON.parse(readFrame.data)).toEqual({ ids: [live.id] });
    } finally {
      stream.close();
    }
  });

  it('ignores a Last-Event-ID it did not issue', async () => {
    const stream = await openSse(`${base}/api/v1/events/stream`, { cookie: alice.cookie, 'last-event-id': "1' OR 1=1 --" });
    try {
      expect((await stream.next((f) => f.event === 'ready')).event).toBe('ready');
    } finally {
      stream.close();
    }
  });

  it('refuses more than MAX_STREAMS_PER_USER streams of one user with 429', async () => {
    const root = await buildRootUnit(database.db);
    const dave = await signedInUser(root.id);
    const streams = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_USER }, () => openSse(`${base}/api/v1/events/stream`, { cookie: dave.cookie })),
    );
    try {
      expect(streams.map((s) => s.status)).toEqual(streams.map(() => 200));
      const res = await fetch(`${base}/api/v1/events/stream`, { headers: { cookie: dave.cookie } });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_STREAMS');
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('unsubscribes when the client disconnects', async () => {
    const stream = await openSse(`${base}/api/v1/events/stream`, { cookie: bob.cookie });
    await stream.next((f) => f.event === 'ready');
    expect(bus.subscriberCount(bob.id)).toBe(1);
    stream.close();
    const deadline = Date.now() + 5000;
    while (bus.subscriberCount(bob.id) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(bus.subscriberCount(bob.id)).toBe(0);
  });
});

describe('notifications', () => {
  it('lists the user’s own notifications newest first, page by page, with the unread count', async () => {
    const root = await buildRootUnit(database.db);
    const carol = await signedInUser(root.id);
    const titles = ['一', '二', '三', '四', '五'];
    for (const title of titles) await notify(carol.id, title);
    await notify(bob.id, 'not carol’s');

    const first = await carol.client.get('/api/v1/notifications?limit=3');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((n: Notification) => n.title)).toEqual(['五', '四', '三']);
    expect(first.json().unread).toBe(5);
    const second = await carol.client.get(`/api/v1/notifications?limit=3&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((n: Notification) => n.title)).toEqual(['二', '一']);
    expect(second.json().nextCursor).toBeNull();

    const [newest] = first.json().items as Notification[];
    const read = await carol.client.post(`/api/v1/notifications/${newest!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    const unreadOnly = await carol.client.get('/api/v1/notifications?unread=true');
    expect(unreadOnly.json().items).toHaveLength(4);
    expect(unreadOnly.json().unread).toBe(4);

    const all = await carol.client.post('/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ updated: 4 });
    expect((await carol.client.get('/api/v1/notifications')).json().unread).toBe(0);
  });

  it('answers 404 for another user’s notification and leaves it unread', async () => {
    const bobs = await notify(bob.id, 'private to bob');
    const res = await alice.client.post(`/api/v1/notifications/${bobs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const list = await bob.client.get('/api/v1/notifications?unread=true&limit=100');
    expect(list.json().items.map((n: Notification) => n.id)).toContain(bobs.id);
  });

  it('refuses bad input with 4xx codes, never a 500', async () => {
    const cases: [string, string, number, string][] = [
      ['POST', '/api/v1/notifications/not-a-uuid/read', 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/notifications?cursor=bm9wZQ', 400, 'INVALID_CURSOR'],
      ['GET', "/api/v1/notifications?cursor=' OR 1=1", 400, 'INVALID_CURSOR'],
      ['GET', '/api/v1/notifications?limit=100000', 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/notifications?unread=maybe', 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, url, status, code] of cases) {
      const res = await alice.client.request({ method: method as 'GET' | 'POST', url });
      expect([url, res.statusCode, res.json().error?.code]).toEqual([url, status, code]);
    }
    const anonymous = makeClient(app, {});
    expect((await anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/notifications/read-all')).statusCode).toBe(401);
  });

  it('only links inside the app', async () => {
    await expect(
      createNotification(database.db, bus, { userId: alice.id, kind: 'x', title: 'x', link: 'javascript:alert(1)' }),
    ).rejects.toThrow();
    await expect(
      createNotification(database.db, bus, { userId: alice.id, kind: 'x', title: 'x', link: '//evil.example/' }),
    ).rejects.toThrow();
    const ok = await createNotification(database.db, bus, { userId: alice.id, kind: 'x', title: 'x', link: '/customers/1' });
    expect(ok.link).toBe('/customers/1');
  });
});

describe('shutdown', () => {
  it('ends open streams so that closing the app does not hang', async () => {
    const stream = await openSse(`${base}/api/v1/events/stream`, { cookie: alice.cookie });
    await stream.next((f) => f.event === 'ready');
    await app.close();
    await stream.ended;
    expect(bus.subscriberCount()).toBe(0);
  });
});
