import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { defineEntity } from './descriptor.ts';
import { widgetEntity } from './fixture/fixture.entities.ts';
import { testWidgets } from './fixture/fixture.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';

// The same table as the fixture widgets, with a domain hook that fails after the row and its audit entry
// were written: nothing of the request may remain.
const failingWidgets = defineEntity({
  ...widgetEntity,
  name: 'failingWidget',
  plural: 'failing-widgets',
  relations: {},
  hooks: {
    async afterWrite(_ctx, record) {
      if (String(record.name).startsWith('失败')) throw new Error('search index unavailable');
    },
  },
});

describe('entity kit: a failed write leaves nothing behind', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ extraEntities: [failingWidgets] });
    admin = await t.as((await buildAdmin(t.db)).user.id);
  });
  afterAll(async () => t?.close());

  it('rolls back the insert and its audit entry when a hook fails', async () => {
    const auditBefore = (await t.db.select().from(auditLog)).length;
    const res = await admin.post('/api/v1/failing-widgets', { name: '失败的部件', status: 'draft' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL_ERROR');
    expect(res.json().error.message).toContain(res.json().error.requestId);
    expect(await t.db.select().from(testWidgets).where(eq(testWidgets.name, '失败的部件'))).toEqual([]);
    expect((await t.db.select().from(auditLog)).length).toBe(auditBefore);
  });

  it('rolls back an update when a hook fails, keeping the old values and version', async () => {
    const created = (await admin.post('/api/v1/failing-widgets', { name: '正常', status: 'draft' })).json();
    const res = await admin.patch(`/api/v1/failing-widgets/${created.id}`, { name: '失败的改名' }, { 'if-match': '1' });
    expect(res.statusCode).toBe(500);
    const [row] = await t.db.select().from(testWidgets).where(eq(testWidgets.id, created.id));
    expect(row).toMatchObject({ name: '正常', version: 1 });
  });

  it('answers 401 to callers who are not signed in, on every kit route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/failing-widgets'],
      ['GET', '/api/v1/meta'],
      ['POST', '/api/v1/failing-widgets'],
      ['GET', '/api/v1/failing-widgets/export'],
      ['POST', '/api/v1/failing-widgets/bulk-delete'],
    ] as const) {
      const res = await t.anonymous.request({ method, url, ...(method === 'POST' ? { payload: { ids: [] } } : {}) });
      // 401 even for a body that would fail validation: the caller learns nothing about the route's input.
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});
