// The price engine on a large catalogue: 200 lines of 200 different products among 1,000, with a standard list (three
// breaks each), an expired one, grade lists, a customer list and twenty discount rules around them. Its speed (the
// issue's ≤ 20 ms) belongs to the bench, not to a test: a timed test fails whenever the machine is busy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../../test/factories/access.ts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { discountRules, priceListItems, priceLists, productCategories, products } from './catalog.schema.ts';
import { priceLines } from './catalog.pricing.ts';

describe('price engine speed', () => {
  let t: TestApp;
  let actor: Actor;
  let customerId: string;
  const productIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    actor = (await loadActor(t.db, a.user.id, { source: 'api', requestId: null, via: 'system' }))!;
    customerId = (await buildCustomer(await t.as(a.user.id), { grade: 'A' })).id;
    const [category] = await t.db.insert(productCategories).values({ name: '测速分类' }).returning();
    // Another 800 products the engine must not read.
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: newId(),
      ownerId: a.user.id,
      orgUnitId: a.root.id,
      sku: `PERF-${i}`,
      name: `测速产品${i}`,
      listPrice: `${100 + i}.00`,
      categoryId: i % 2 ? category!.id : null,
    }));
    await t.db.insert(products).values(rows);
    productIds.push(...rows.slice(0, 200).map((r) => r.id));
    const list = async (values: typeof priceLists.$inferInsert, every: number, breaks: [string, string][]) => {
      const [l] = await t.db.insert(priceLists).values(values).returning();
      await t.db
        .insert(priceListItems)
        .values(
          rows
            .filter((_, i) => i % every === 0)
            .flatMap((r) =>
              breaks.map(([minQuantity, unitPrice]) => ({ priceListId: l!.id, productId: r.id, minQuantity, unitPrice })),
            ),
        );
    };
    await list({ name: '标准', kind: 'standard' }, 1, [
      ['1', '99.00'],
      ['10', '95.00'],
      ['100', '90.00'],
    ]);
    await list({ name: '旧标准', kind: 'standard', validTo: '2025-12-31' }, 1, [['1', '80.00']]);
    await list({ name: 'A 级', kind: 'grade', grade: 'A' }, 2, [['1', '93.00']]);
    await list({ name: 'B 级', kind: 'grade', grade: 'B' }, 2, [['1', '94.00']]);
    await list({ name: '专属', kind: 'customer', customerId }, 4, [['5', '88.00']]);
    await t.db.insert(discountRules).values(
      Array.from({ length: 20 }, (_, i) => ({
        name: `规则${i}`,
        percent: `${(i % 9) + 1}.50`,
        productId: i < 10 ? rows[i * 7]!.id : null,
        categoryId: i >= 10 && i < 15 ? category!.id : null,
        customerGrade: i % 3 ? 'A' : null,
        minQuantity: i % 2 ? '3' : null,
      })),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it('prices 200 lines from the lists that apply, each line once', async () => {
    const lines = productIds.map((productId, i) => ({ productId, quantity: String((i % 12) + 1) }));
    const result = await priceLines(t.db, actor, { customerId, date: '2026-06-01', lines });
    expect(result.lines).toHaveLength(200);
    expect(result.lines.map((l) => l.productId)).toEqual(productIds);
    // The customer's list covers every fourth product from 5 pieces; the expired list never applies.
    const fromCustomerList = result.lines.filter((l) => l.source.kind === 'customerList');
    expect(fromCustomerList.length).toBeGreaterThan(0);
    for (const line of fromCustomerList) expect(line.unitPrice).toBe('88.00');
    expect(result.lines.some((l) => l.unitPrice === '80.00')).toBe(false);
  });
});
