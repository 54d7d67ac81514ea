// The per-user event bus behind the SSE stream. In one process it calls local subscribers; on real PostgreSQL it
// goes through NOTIFY on the `guanxi_events` channel and a dedicated LISTEN connection, so every server process
// delivers every event to its own subscribers (and only after the publishing transaction commits).
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/db.ts';

export const EVENTS_CHANNEL = 'guanxi_events';
/** NOTIFY payloads are limited to 8000 bytes: events carry ids and let the receiver load what it needs. */
export const MAX_EVENT_BYTES = 7900;

export interface BusEvent {
  /** e.g. `notification`, `notifications.read`; modules prefix their own (`sales.quote.approved`). */
  type: string;
  data?: Record<string, unknown>;
}

/** Sent to every local subscriber when the LISTEN connection came back: events may have been missed meanwhile. */
export const RESYNC_EVENT = 'bus.resync';

/** The statement that sends `event` to `userId`'s subscribers in every process once the transaction running it commits. */
export function notifyEventSql(userId: string, event: BusEvent): SQL {
  const message = JSON.stringify({ u: userId, e: event } satisfies WireMessage);
  if (Buffer.byteLength(message) > MAX_EVENT_BYTES) {
    throw new Error(`Event ${event.type} is ${Buffer.byteLength(message)} bytes; send ids, not bodies`);
  }
  return sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${message})`;
}

export type BusListener = (event: BusEvent) => void;

export interface EventBusOptions {
  /** Interval of the SSE keep-alive comment; proxies drop connections that stay silent too long. */
  heartbeatMs?: number;
  /** The reconnection delay the SSE stream suggests to browsers. */
  retryMs?: number;
  /** A stream ends after this long, so the browser reconnects and its session is checked again. */
  streamMaxMs?: number;
  log?: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

interface WireMessage {
  u: string;
  e: BusEvent;
}

export class EventBus {
  readonly heartbeatMs: number;
  readonly retryMs: number;
  readonly streamMaxMs: number;
  private readonly listeners = new Map<string, Set<BusListener>>();
  private database: Pick<Database, 'connectionString' | 'db'> | undefined;
  private listenClient: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelayMs = 500;
  private connections = 0;
  private closed = false;

  constructor(private readonly options: EventBusOptions = {}) {
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
    this.retryMs = options.retryMs ?? 5_000;
    this.streamMaxMs = options.streamMaxMs ?? 30 * 60_000;
  }

  /** True when events travel through PostgreSQL and reach every server process. */
  get crossProcess(): boolean {
    return this.database !== undefined;
  }

  /**
   * On PostgreSQL, the number of the LISTEN connection events currently arrive on (it grows with every reconnection,
   * as events sent in between were missed), or null while there is none; 0 when events never leave the process.
   */
  get listenEpoch(): number | null {
    if (!this.database) return 0;
    return this.listenClient ? this.connections : null;
  }

  subscribe(userId: string, listener: BusListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  subscriberCount(userId?: string): number {
    if (userId) return this.listeners.get(userId)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  /**
   * Delivers `event` to `userId`'s subscribers in every process. Pass the caller's transaction as `db` so that,
   * on PostgreSQL, the event is sent only if it commits; on PGlite the single connection gives the same order.
   */
  async publish(userId: string, event: BusEvent, db?: DbOrTx): Promise<void> {
    const notify = notifyEventSql(userId, event);
    if (this.database) {
      await (db ?? this.database.db).execute(notify);
      return;
    }
    // Never inside the publisher's call stack: a slow or failing subscriber must not affect it.
    setImmediate(() => this.deliver(userId, event));
  }

  /** Switches to cross-process delivery through LISTEN/NOTIFY; only for a real PostgreSQL server. */
  async attachPostgres(database: Pick<Database, 'connectionString' | 'db'>): Promise<void> {
    if (this.database || this.closed) return;
    await this.connectListener(database.connectionString);
    this.database = database;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.listenClient;
    this.listenClient = undefined;
    await client?.end().catch(() => {});
  }

  private deliver(userId: string, event: BusEvent): void {
    for (const listener of [...(this.listeners.get(userId) ?? [])]) {
      try {
        listener(event);
      } catch (err) {
        this.options.log?.error({ err, event: event.type }, 'event subscriber failed');
      }
    }
  }

  private async connectListener(connectionString: string): Promise<void> {
    const client = new pg.Client({ connectionString, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      try {
        const { u, e } = JSON.parse(message.payload) as WireMessage;
        this.deliver(u, e);
      } catch (err) {
        this.options.log?.warn({ err }, 'ignored a malformed event');
      }
    });
    const lost = (err?: Error) => {
      if (this.listenClient !== client) return;
      this.listenClient = undefined;
      client.end().catch(() => {});
      if (this.closed) return;
      this.options.log?.warn({ err }, 'event listener connection lost; reconnecting');
      this.scheduleReconnect(connectionString);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    this.connections += 1;
    this.listenClient = client;
  }

  private scheduleReconnect(connectionString: string): void {
    this.reconnectTimer = setTimeout(() => {
      this.connectListener(connectionString).then(
        () => {
          this.reconnectDelayMs = 500;
          for (const userId of [...this.listeners.keys()]) this.deliver(userId, { type: RESYNC_EVENT });
        },
        (err: unknown) => {
          this.options.log?.warn({ err }, 'event listener reconnect failed');
          this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 30_000);
          if (!this.closed) this.scheduleReconnect(connectionString);
        },
      );
    }, this.reconnectDelayMs);
  }
}
