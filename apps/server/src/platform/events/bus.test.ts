// The event bus alone, and across two server processes sharing one real PostgreSQL database.
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../db/db.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { createTestDatabase } from '../../../test/harness/testDatabase.ts';
import { testEngine } from '../../../test/harness/engine.ts';
import { buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { EventBus, MAX_EVENT_BYTES, type BusEvent } from './bus.ts';
import { createNotification, type Notification } from './notifications.service.ts';
import { openSse } from './sse.testkit.ts';

describe('EventBus in one process', () => {
  it('delivers to the user’s subscribers only, after the publisher has returned, until they unsubscribe', async () => {
    const bus = new EventBus();
    const got: [string, BusEvent][] = [];
    const stopA = bus.subscribe('a', (event) => got.push(['a', event]));
    bus.subscribe('b', (event) => got.push(['b', event]));
    await bus.publish('a', { type: 'ping', data: { id: '1' } });
    expect(got).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(got).toEqual([['a', { type: 'ping', data: { id: '1' } }]]);

    stopA();
    await bus.publish('a', { type: 'ping' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(got).toHaveLength(1);
    expect(bus.subscriberCount()).toBe(1);
  });

  it('keeps delivering when one subscriber throws', async () => {
    const bus = new EventBus();
    const got: string[] = [];
    bus.subscribe('a', () => {
      throw new Error('broken tab');
    });
    bus.subscribe('a', (event) => got.push(event.type));
    await bus.publish('a', { type: 'ping' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(got).toEqual(['ping']);
  });

  it('refuses an event too large for NOTIFY', async () => {
    const bus = new EventBus();
    await expect(bus.publish('a', { type: 'big', data: { body: 'x'.repeat(MAX_EVENT_BYTES) } })).rejects.toThrow(
      /ids, not bodies/,
    );
  });
});

const onPostgres = testEngine() === 'postgres';
if (!onPostgres) {
  console.info(
    '[guanxi] skipped on pglite: "events cross server processes" needs LISTEN/NOTIFY, which only a real PostgreSQL server has; ' +
      'set TEST_DATABASE_URL to run it.',
  );
}

describe('EventBus across processes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.skipIf(!onPostgres)(
    'delivers a notification created by one server to a stream open on another, once committed',
    async () => {
      const shared = await createTestDatabase();
      cleanups.push(() => shared.close());
      // A second pool on the same database stands for a second server process.
      const second: Database = await openDatabase({ databaseUrl: shared.connectionString, dataDir: '', poolSize: 3 });
      cleanups.push(() => second.close());
      const config = { ...loadConfig({}), jobPollMs: 50 };
      const writer: FastifyInstance = await buildApp({ database: shared, config, logger: false });
      const reader: FastifyInstance = await buildApp({ database: second, config, logger: false });
      cleanups.push(
        () => writer.close(),
        () => reader.close(),
      );
      await writer.ready();
      await reader.listen({ host: '127.0.0.1', port: 0 });
      expect(writer.events.crossProcess && reader.events.crossProcess).toBe(true);

      const user = await buildUser(shared.db, { orgUnitId: (await buildRootUnit(shared.db)).id });
      const session = await createSession(shared.db, user.id, { idleMinutes: 30, absoluteHours: 12 });
      const port = (reader.server.address() as AddressInfo).port;
      const stream = await openSse(`http://127.0.0.1:${port}/api/v1/events/stream`, {
        cookie: `${SESSION_COOKIE}=${session.cookieValue}`,
      });
      try {
        await stream.next((f) => f.event === 'ready');
        // A notification whose transaction rolls back is never announced.
        await shared.db
          .transaction(async (tx) => {
            await createNotification(tx, writer.events, { userId: user.id, kind: 'test', title: 'rolled back' });
            throw new Error('rollback');
          })
          .catch(() => {});
        const created = await shared.db.transaction((tx) =>
          createNotification(tx, writer.events, { userId: user.id, kind: 'test', title: '来自另一台服务器' }),
        );
        const frame = await stream.next((f) => f.event === 'notification');
        expect(JSON.parse(frame.data) as Notification).toMatchObject({ id: created.id, title: '来自另一台服务器' });
      } finally {
        stream.close();
      }
    },
  );
});
