// The demo catalogue: categories, three dozen products written through the kit (audited, searchable), a standard
// and a grade-A price list, and the price engine answering for a demo key account from the grade-A list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { createTestDatabase } from '../../test/harness/testDatabase.ts';
import type { Database } from '../platform/db/db.ts';
import { ensureAdministrator } from '../modules/admin/admin.bootstrap.ts';
import { users } from '../platform/access/access.schema.ts';
import { loadActor } from '../platform/access/actor.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { searchDocuments } from '../platform/search/search.schema.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import { priceLists, productCategories, products } from '../modules/commerce/catalog/catalog.schema.ts';
import { priceLines } from '../modules/commerce/catalog/catalog.pricing.ts';
import { seedDemoData } from './demo.seed.ts';

describe('demo products', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('seeds categories, products through the kit and two price lists', async () => {
    const db = database.db;
    const [{ n }] = (await db.select({ n: count() }).from(products)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(30);
    expect((await db.select().from(productCategories).where(isNull(productCategories.parentId))).map((c) => c.name)).toEqual(
      expect.arrayContaining(['包裹快递服务', '报刊订阅', '图书', '汽车配件']),
    );
    const [audited] = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.recordType, 'product'))) as [
      { n: number },
    ];
    expect(audited.n).toBe(n);
    const [indexed] = (await db
      .select({ n: count() })
      .from(searchDocuments)
      .where(eq(searchDocuments.recordType, 'product'))) as [{ n: number }];
    expect(indexed.n).toBe(n);
    expect((await db.select().from(priceLists)).map((l) => l.kind).sort()).toEqual(['grade', 'standard']);
  });

  it('prices a demo key account from the grade-A list and a grade-B one from the standard list', async () => {
    const db = database.db;
    const [manager] = await db.select().from(users).where(eq(users.username, 'zhangwei'));
    const actor = (await loadActor(db, manager!.id, { source: 'api', requestId: null, via: 'system' }))!;
    const [a] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.grade, 'A'), isNull(customers.deletedAt)))
      .limit(1);
    const [b] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.grade, 'B'), isNull(customers.deletedAt)))
      .limit(1);
    const [parcel] = await db.select().from(products).where(eq(products.sku, 'KD-STD-001'));
    const date = `${new Date().getFullYear()}-06-01`;
    const forA = await priceLines(db, actor, { customerId: a!.id, date, lines: [{ productId: parcel!.id, quantity: 200 }] });
    expect(forA.lines[0]).toMatchObject({ unitPrice: '7.00', amount: '1400.00', source: { kind: 'gradeList' } });
    const forB = await priceLines(db, actor, { customerId: b!.id, date, lines: [{ productId: parcel!.id, quantity: 200 }] });
    expect(forB.lines[0]).toMatchObject({ unitPrice: '7.20', source: { kind: 'standardList', breakMinQuantity: '100' } });
  });
});
