// Reference data that requests read all the time and administrators rarely change (identifier types, custom
// field definitions), kept in memory per database so a request does not spend a round trip on it.
//
// Only reads through the app's own database handle are served from memory: a read inside a transaction goes to
// the database, so it sees the transaction's own writes. A write calls `referenceChanged(tx, key)` inside its
// transaction. On PGlite (one process, one connection that a transaction holds) that clears the key at once. On
// PostgreSQL every process of this machine stops serving the key until the commit is announced — NOTIFY is
// delivered only after commit, to every process — and then loads it afresh; a process that cannot hear the
// announcements (its LISTEN connection is down) serves nothing from memory until it hears them again.
import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../db/db.ts';
import { notifyEventSql } from '../events/bus.ts';

/** The bus subject announcements travel under: not a user id, so no browser stream ever receives them. */
const SUBJECT = '*reference';
const CHANGED_EVENT = 'reference.changed';
/** How long a key is read from the database after an uncommitted change, when no announcement follows (rollback). */
const UNANNOUNCED_MS = 10_000;

interface Entry {
  value?: Promise<unknown>;
  /** The bus connection the value was loaded under: announcements missed between two connections are unknown. */
  epoch: number;
  /** Until then the key is read from the database: a change to it may not be committed yet. */
  bypassUntil: number;
}

class ReferenceCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly announced: boolean,
    /** The number of the connection announcements arrive on, or null while there is none. */
    private readonly epoch: () => number | null,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const epoch = this.epoch();
    if (epoch === null) return load();
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { epoch, bypassUntil: 0 }));
    if (entry.bypassUntil > Date.now()) return load();
    if (!entry.value || entry.epoch !== epoch) {
      // Promise.resolve runs a query builder (a thenable that queries again each time it is awaited) exactly once.
      const value = Promise.resolve(load());
      entry.value = value;
      entry.epoch = epoch;
      // A failed load is not remembered; a load a change overtook is dropped by the change (below).
      value.catch(() => {
        if (entry.value === value) entry.value = undefined;
      });
    }
    return entry.value as Promise<T>;
  }

  /** A transaction changed `key`: on PostgreSQL, read it from the database until the commit is announced. */
  changing(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.value = undefined;
    if (this.announced) entry.bypassUntil = Date.now() + UNANNOUNCED_MS;
  }

  /** The change to `key` is committed (or, without `key`, anything may have changed). */
  changed(key?: string): void {
    for (const [k, entry] of this.entries)
      if (key === undefined || k === key) {
        entry.value = undefined;
        entry.bypassUntil = 0;
      }
  }
}

const byDatabase = new WeakMap<object, ReferenceCache>();
/** Every cache of this process: a transaction does not say which database it belongs to. */
const all = new Set<ReferenceCache>();

/** `load()`'s result for `key`, from memory when `db` is an app's database handle with a cache. */
export function cachedReference<T>(db: DbOrTx, key: string, load: () => Promise<T>): Promise<T> {
  const cache = byDatabase.get(db);
  return cache ? cache.get(key, load) : load();
}

/** Call inside the transaction that changes the data behind `key`. */
export async function referenceChanged(tx: DbOrTx, key: string): Promise<void> {
  for (const cache of all) cache.changing(key);
  await tx.execute(notifyEventSql(SUBJECT, { type: CHANGED_EVENT, data: { key } }));
}

/** Serves the app's reference reads from memory; on PostgreSQL once the event bus listens to the other processes. */
export function registerReferenceCache(app: FastifyInstance): void {
  const enable = (announced: boolean, epoch: () => number | null) => {
    const cache = new ReferenceCache(announced, epoch);
    byDatabase.set(app.db, cache);
    all.add(cache);
    return cache;
  };
  let unsubscribe = () => {};
  if (app.database.engine !== 'postgres') {
    enable(false, () => 0);
  } else {
    app.addHook('onReady', async () => {
      await app.events.attachPostgres(app.database);
      const cache = enable(true, () => app.events.listenEpoch);
      unsubscribe = app.events.subscribe(SUBJECT, (event) => {
        if (event.type === CHANGED_EVENT) cache.changed(String(event.data?.key));
      });
    });
  }
  app.addHook('onClose', async () => {
    unsubscribe();
    const cache = byDatabase.get(app.db);
    if (cache) all.delete(cache);
    byDatabase.delete(app.db);
  });
}
