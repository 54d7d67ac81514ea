// The category tree and the SKU rule: categories titled by their path on products, no cycles, only an empty leaf
// removed, administrators alone change the tree; two people saving the same SKU at once — one wins, the other 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildRole, buildUser } from '../../../../test/factories/access.ts';

describe('product categories and SKUs', () => {
  let t: TestApp;
  let admin: TestClient;
  let rep: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    admin = await t.as(a.user.id);
    const role = await buildRole(t.db, { permissions: { '*': { read: 'all', create: 'own', update: 'own' } } });
    rep = await t.as((await buildUser(t.db, { orgUnitId: a.root.id, roleIds: [role.id] })).id);
  });
  afterAll(async () => t?.close());

  const category = async (name: string, parentId: string | null = null) => {
    const res = await admin.post('/api/v1/product-categories', { name, parentId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  it('titles a product’s category by its path and lists the tree depth first with product counts', async () => {
    const parts = await category('汽车配件');
    const brakes = await category('制动系统', parts.id);
    const product = await admin.post('/api/v1/products', {
      sku: 'AP-BRK-001',
      name: '前刹车片',
      categoryId: brakes.id,
      listPrice: '380.00',
      unit: 'set',
      taxRate: '0.13',
    });
    expect(product.statusCode, product.body).toBe(201);
    expect(product.json().titles).toMatchObject({ categoryId: '汽车配件 / 制动系统' });
    const tree = (await rep.get('/api/v1/product-categories')).json().items as {
      name: string;
      path: string;
      productCount: number;
    }[];
    expect(tree.map((c) => c.path)).toEqual(['汽车配件', '汽车配件 / 制动系统']);
    expect(tree[1]!.productCount).toBe(1);
    const unknown = await admin.post('/api/v1/products', {
      sku: 'AP-X',
      name: '无分类',
      categoryId: '0190a0a0-0000-7000-8000-000000000000',
      listPrice: '1.00',
      unit: 'piece',
      taxRate: '0.13',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ field: 'categoryId' }));
  });

  it('refuses a cycle, removes only an empty leaf, and lets only administrators change the tree', async () => {
    const top = await category('图书');
    const child = await category('社科类', top.id);
    const cycle = await admin.put(
      `/api/v1/product-categories/${top.id}`,
      { name: '图书', parentId: child.id },
      { 'if-match': '1' },
    );
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details).toContainEqual(expect.objectContaining({ field: 'parentId', code: 'CATEGORY_CYCLE' }));
    expect((await admin.delete(`/api/v1/product-categories/${top.id}`)).statusCode).toBe(409);
    expect((await rep.post('/api/v1/product-categories', { name: '私建分类' })).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/product-categories/${child.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/product-categories/${top.id}`)).statusCode).toBe(204);
  });

  it('two people saving the same SKU at once: one product, the other 409 SKU_TAKEN', async () => {
    const body = (name: string) => ({ sku: 'KD-RACE', name, listPrice: '8.00', unit: 'piece', taxRate: '0.06' });
    const results = await Promise.all([admin.post('/api/v1/products', body('甲')), rep.post('/api/v1/products', body('乙'))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({ code: 'SKU_TAKEN', details: [{ field: 'sku' }] });
    // After the product goes to the recycle bin its SKU may be used again.
    const kept = results.find((r) => r.statusCode === 201)!.json() as { id: string; version: number };
    expect((await admin.delete(`/api/v1/products/${kept.id}`, { 'if-match': String(kept.version) })).statusCode).toBe(204);
    expect((await admin.post('/api/v1/products', body('丙'))).statusCode).toBe(201);
  });
});
