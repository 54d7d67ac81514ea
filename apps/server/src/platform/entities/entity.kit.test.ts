import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { buildWidget } from '../../../test/factories/widgets.ts';
import { fixtureEntities } from './fixture/fixture.entities.ts';
import { testWidgets } from './fixture/fixture.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';

describe('entity kit: create, read, update, delete', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    admin = await t.as((await buildAdmin(t.db)).user.id);
  });
  afterAll(async () => t?.close());

  it('creates a record with typed values and returns it with version 1 and an ETag', async () => {
    const res = await admin.post('/api/v1/test-widgets', {
      name: '北京东区邮政',
      status: 'active',
      amount: '12345.6',
      quantity: 3,
      dueDate: '2026-12-31',
      remindAt: '2026-12-30T09:00:00+08:00',
      urgent: true,
      email: 'Li.Na@Example.COM',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: '北京东区邮政',
      status: 'active',
      amount: '12345.60',
      quantity: 3,
      dueDate: '2026-12-31',
      urgent: true,
      version: 1,
    });
    expect(body.email).toBe('li.na@example.com');
    expect(body.remindAt).toBe('2026-12-30T01:00:00.000Z');
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/test-widgets/${body.id}`);
    const [row] = await t.db.select().from(testWidgets).where(eq(testWidgets.id, body.id));
    expect(row?.amount).toBe('12345.60');
  });

  it('rejects bad fields with 400 naming each one, and stores nothing', async () => {
    const before = (await t.db.select().from(testWidgets)).length;
    const res = await admin.post('/api/v1/test-widgets', {
      status: 'nope',
      amount: '1.234',
      quantity: 1.5,
      dueDate: '2026-02-30',
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['amount', 'colour', 'dueDate', 'name', 'quantity', 'status']);
    expect((await t.db.select().from(testWidgets)).length).toBe(before);
  });

  it('updates with If-Match, answers 412 with the current record when stale and 428 without', async () => {
    const w = await buildWidget(admin, { name: '旧名' });
    const ok = await admin.patch(`/api/v1/test-widgets/${w.id}`, { name: '新名' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '新名', version: 2 });
    const stale = await admin.patch(`/api/v1/test-widgets/${w.id}`, { name: '再改' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('VERSION_MISMATCH');
    expect(stale.json().error.current).toMatchObject({ name: '新名', version: 2 });
    const missing = await admin.patch(`/api/v1/test-widgets/${w.id}`, { name: '再改' });
    expect(missing.statusCode).toBe(428);
  });

  it('records every field change in the history with who, source and request id', async () => {
    const w = await buildWidget(admin, { name: '甲', quantity: 1 });
    await admin.patch(`/api/v1/test-widgets/${w.id}`, { quantity: 5 }, { 'if-match': '1', 'x-request-id': 'req-history-1' });
    const res = await admin.get(`/api/v1/test-widgets/${w.id}/history`);
    expect(res.statusCode).toBe(200);
    const [latest, created] = res.json().items;
    expect(latest).toMatchObject({
      action: 'update',
      source: 'ui',
      requestId: 'req-history-1',
      changes: [{ field: 'quantity', old: 1, new: 5 }],
    });
    expect(created.action).toBe('create');
    expect(latest.userName).toBeTruthy();
  });

  it('describes every kit route of a record type in the OpenAPI document', async () => {
    const doc = (await t.anonymous.get('/api/docs/json')).json();
    const item = doc.paths['/api/v1/test-widgets/{id}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'patch']);
    expect(item.patch.tags).toEqual(['test-widgets']);
    expect(doc.paths['/api/v1/test-widgets/bulk-update'].post.requestBody).toBeDefined();
  });

  it('soft-deletes into the recycle bin and restores', async () => {
    const w = await buildWidget(admin, { name: '回收站测试' });
    expect((await admin.delete(`/api/v1/test-widgets/${w.id}`, { 'if-match': '1' })).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/test-widgets/${w.id}`)).statusCode).toBe(404);
    const bin = await admin.get('/api/v1/test-widgets?deleted=only&filter[name][eq]=回收站测试');
    expect(bin.json().items.map((i: { id: string }) => i.id)).toEqual([w.id]);
    const restored = await admin.post(`/api/v1/test-widgets/${w.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/test-widgets/${w.id}`)).json().name).toBe('回收站测试');
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.recordId, w.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });
});
