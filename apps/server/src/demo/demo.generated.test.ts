// The generated part of the demo as written at first start: through the kit (audited, in the search index, with
// reminders), owned by the demo users of the customer's branch, and resumable — a second run writes nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/harness/testDatabase.ts';
import type { Database } from '../platform/db/db.ts';
import { ensureAdministrator } from '../modules/admin/admin.bootstrap.ts';
import { orgUnits, users } from '../platform/access/access.schema.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { searchDocuments } from '../platform/search/search.schema.ts';
import { contacts, customerIdentifiers, customers } from '../modules/customers/customers.schema.ts';
import { activities } from '../modules/activities/activities.schema.ts';
import { seedDemoData } from './demo.seed.ts';
import { seedGeneratedCustomers } from './demo.generated.ts';

const GENERATED = 150;
const countOf = async (database: Database, table: typeof customers | typeof contacts | typeof activities) =>
  (await database.db.select({ n: count() }).from(table))[0]!.n;

describe('generated demo customers', () => {
  let database: Database;
  let handWritten = 0;
  let seconds = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
    handWritten = await countOf(database, customers);
    const started = performance.now();
    await seedGeneratedCustomers(database.db, { count: GENERATED });
    seconds = (performance.now() - started) / 1000;
    console.log(`[demo] ${GENERATED} generated customers written in ${seconds.toFixed(1)} s`);
  }, 300_000);
  afterAll(async () => database?.close());

  it('adds the generated customers beside the hand-written ones, owned by the demo users of their branch', async () => {
    const db = database.db;
    expect(await countOf(database, customers)).toBe(handWritten + GENERATED);
    const owners = await db
      .select({ username: users.username, unit: orgUnits.code, province: customers.province })
      .from(customers)
      .innerJoin(users, eq(users.id, customers.ownerId))
      .innerJoin(orgUnits, eq(orgUnits.id, customers.orgUnitId));
    // The same owner ↔ unit pairs as the hand-written demo, so every role sees what it saw before.
    expect(new Set(owners.map((o) => `${o.username}@${o.unit}`))).toEqual(
      new Set(['wangfang@EAST-S1', 'lina@EAST', 'liuyang@WEST-S1', 'chenjing@SOUTH-CS', 'zhangwei@SOUTH']),
    );
    for (const o of owners.filter((x) => x.province === '四川省')) expect(o.username).toBe('liuyang');
    for (const o of owners.filter((x) => x.province === '广东省')) expect(['chenjing', 'zhangwei']).toContain(o.username);
  });

  it('went through the kit: audited, in the search index, identifiers found by search, reminders queued', async () => {
    const db = database.db;
    for (const type of ['customer', 'contact', 'activity']) {
      const table = type === 'customer' ? customers : type === 'contact' ? contacts : activities;
      const [{ n: audited }] = (await db
        .select({ n: count() })
        .from(auditLog)
        .where(sql`${auditLog.recordType} = ${type} AND ${auditLog.action} = 'create'`)) as [{ n: number }];
      const [{ n: indexed }] = (await db
        .select({ n: count() })
        .from(searchDocuments)
        .where(eq(searchDocuments.recordType, type))) as [{ n: number }];
      const total = await countOf(database, table);
      expect([type, audited, indexed]).toEqual([type, total, total]);
    }
    const [plate] = await db.select().from(customerIdentifiers).where(eq(customerIdentifiers.type, 'taxNumber')).limit(1);
    const [doc] = await db.select().from(searchDocuments).where(eq(searchDocuments.recordId, plate!.customerId));
    expect(doc!.haystack).toContain(plate!.normalized.toLowerCase());
    const upcoming = await db.execute(sql`
      SELECT count(*)::int AS n FROM jobs WHERE name = 'activities.reminder' AND status = 'queued' AND run_at > now()`);
    expect((upcoming.rows[0] as { n: number }).n).toBeGreaterThan(10);
  });

  it('writes nothing twice when run again, and adds only the missing rows when asked for more', async () => {
    const before = await countOf(database, customers);
    expect(await seedGeneratedCustomers(database.db, { count: GENERATED })).toBe(0);
    expect(await countOf(database, customers)).toBe(before);
    expect(await seedGeneratedCustomers(database.db, { count: GENERATED + 100 })).toBe(100);
    expect(await countOf(database, customers)).toBe(before + 100);
  }, 300_000);
});
