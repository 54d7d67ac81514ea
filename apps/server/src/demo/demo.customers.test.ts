import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/harness/testDatabase.ts';
import type { Database } from '../platform/db/db.ts';
import { ensureAdministrator } from '../modules/admin/admin.bootstrap.ts';
import { orgUnits, users } from '../platform/access/access.schema.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { searchDocuments } from '../platform/search/search.schema.ts';
import { contacts, customerIdentifiers, customers } from '../modules/customers/customers.schema.ts';
import { seedDemoData } from './demo.seed.ts';

describe('demo customers', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('seeds about sixty customers over the three branches, owned by the demo users, with contacts', async () => {
    const db = database.db;
    const rows = await db
      .select({ username: users.username, unit: orgUnits.code, kind: customers.kind, n: count() })
      .from(customers)
      .innerJoin(users, eq(users.id, customers.ownerId))
      .innerJoin(orgUnits, eq(orgUnits.id, customers.orgUnitId))
      .groupBy(users.username, orgUnits.code, customers.kind);
    const total = rows.reduce((n, r) => n + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(55);
    expect(new Set(rows.map((r) => `${r.username}@${r.unit}`))).toEqual(
      new Set(['wangfang@EAST-S1', 'lina@EAST', 'liuyang@WEST-S1', 'chenjing@SOUTH-CS', 'zhangwei@SOUTH']),
    );
    expect(rows.filter((r) => r.kind === 'individual').reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(3);
    // Every organisation has one to three contacts, owned like their customer; individuals have none.
    const perCustomer = await db.execute(sql`
      SELECT c.kind, count(p.id)::int AS n, bool_and(p.owner_id = c.owner_id) AS same_owner
      FROM ${customers} c LEFT JOIN ${contacts} p ON p.customer_id = c.id GROUP BY c.id, c.kind`);
    for (const row of perCustomer.rows as { kind: string; n: number; same_owner: boolean | null }[]) {
      if (row.kind === 'individual') expect(row.n).toBe(0);
      else expect(row.n >= 1 && row.n <= 3 && row.same_owner).toBe(true);
    }
  });

  it('went through the kit: every customer is audited and in the search index, identifiers too', async () => {
    const db = database.db;
    const [{ n: customerCount }] = (await db.select({ n: count() }).from(customers)) as [{ n: number }];
    const [{ n: audited }] = (await db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.recordType} = 'customer' AND ${auditLog.action} = 'create'`)) as [{ n: number }];
    const [{ n: indexed }] = (await db
      .select({ n: count() })
      .from(searchDocuments)
      .where(eq(searchDocuments.recordType, 'customer'))) as [{ n: number }];
    expect([audited, indexed]).toEqual([customerCount, customerCount]);
    // Individuals carry a mobile and a plate, and the search index knows them.
    const [plate] = await db.select().from(customerIdentifiers).where(eq(customerIdentifiers.type, 'plate')).limit(1);
    const [doc] = await db.select().from(searchDocuments).where(eq(searchDocuments.recordId, plate!.customerId));
    expect(doc!.haystack).toContain(plate!.normalized.toLowerCase());
  });
});
