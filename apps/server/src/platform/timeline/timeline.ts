// A customer's timeline, merged from sources that modules register: each source returns its newest entries before a
// position, and the platform merges them newest first and pages with a keyset cursor.
//
// A module adds a source in three steps:
//   1. export `const mySource: TimelineSource = { name, types: { order: L('订单', …) }, find }`;
//   2. `find(query)` returns at most `query.limit` entries of `query.types`, about `query.customerId`, readable by
//      `query.actor`, strictly before `query.before`, ordered by (at, id) descending — `timelineAt` and
//      `beforePosition` below write that SQL;
//   3. list the source in app.ts, in the `timelineRegistry([...])` call.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Locale, LocalizedText, TimelineEntry } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import type { EntityRegistry } from '../entities/registry.ts';

export type { TimelineEntry };

/** Where a page ends: the last entry's time (text with microseconds) and id. */
export interface TimelinePosition {
  at: string;
  id: string;
}

export interface TimelineQuery {
  db: DbOrTx;
  actor: Actor;
  registry: EntityRegistry;
  locale: Locale;
  /** The organisation's time zone, for times inside titles and summaries. */
  timeZone: string;
  customerId: string;
  /** Entry types wanted from this source: never empty, always among its own `types`. */
  types: string[];
  before: TimelinePosition | null;
  limit: number;
}

export interface TimelineSource {
  name: string;
  /** The entry types the source produces, with the labels the type filter shows. */
  types: Record<string, LocalizedText>;
  find(query: TimelineQuery): Promise<TimelineEntry[]>;
}

export interface TimelineRegistry {
  sources: TimelineSource[];
  /** Every entry type of every source, with its label. */
  types: Map<string, LocalizedText>;
}

export function timelineRegistry(sources: TimelineSource[]): TimelineRegistry {
  const types = new Map<string, LocalizedText>();
  for (const source of sources)
    for (const [type, label] of Object.entries(source.types)) {
      if (types.has(type)) throw new Error(`Timeline entry type ${type} is produced by two sources`);
      types.set(type, label);
    }
  return { sources, types };
}

/** A timestamp column as the entry's `at`: ISO 8601 in UTC with all six fractional digits, so it pages exactly. */
export const timelineAt = (column: AnyPgColumn | SQL): SQL<string> =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The condition "strictly older than `before`" on a source's (time, uuid id) columns; undefined on the first page. */
export const beforePosition = (at: AnyPgColumn, id: AnyPgColumn, before: TimelinePosition | null): SQL | undefined =>
  before ? sql`(${at}, ${id}) < (${before.at}::timestamptz, ${before.id}::uuid)` : undefined;

/** Newest first, the id breaking ties: the order `find` returns and the merge relies on. */
export const timelineOrder = (at: AnyPgColumn, id: AnyPgColumn): SQL => sql`${at} DESC, ${id} DESC`;

const newerFirst = (a: TimelineEntry, b: TimelineEntry) =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);

export const encodeTimelineCursor = (p: TimelinePosition): string =>
  Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');

export function decodeTimelineCursor(cursor: string): TimelinePosition {
  try {
    const [at, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    return { at, id };
  } catch {
    throw new AppError('INVALID_CURSOR', 400);
  }
}

/**
 * One page of a customer's timeline. The caller has checked that the actor may read the customer; each source
 * leaves out what the actor may not read. `types` empty means every type.
 */
export async function findTimeline(
  registry: TimelineRegistry,
  query: Omit<TimelineQuery, 'types' | 'before'> & { types: string[]; cursor?: string },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const unknown = query.types.filter((t) => !registry.types.has(t));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'types', code: 'invalid_option', message: 'invalid_option' }]);
  const before = query.cursor ? decodeTimelineCursor(query.cursor) : null;
  const pages = await Promise.all(
    registry.sources.map((source) => {
      const types = Object.keys(source.types).filter((t) => query.types.length === 0 || query.types.includes(t));
      // One more than the page, so a full page tells there is more.
      return types.length ? source.find({ ...query, types, before, limit: query.limit + 1 }) : Promise.resolve([]);
    }),
  );
  const merged = pages.flat().sort(newerFirst);
  const items = merged.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: merged.length > query.limit && last ? encodeTimelineCursor(last) : null };
}
