import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildWidget } from '../../../test/factories/widgets.ts';
import { fixtureEntities } from './fixture/fixture.entities.ts';
import { testWidgets } from './fixture/fixture.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { orgUnits } from '../access/access.schema.ts';

describe('entity kit: custom fields, bulk, export, related lists, shares, idempotency', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;
  let rootId: string;

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    const a = await buildAdmin(t.db);
    adminId = a.user.id;
    rootId = a.root.id;
    admin = await t.as(adminId);
  });
  afterAll(async () => t?.close());

  describe('custom fields', () => {
    beforeAll(async () => {
      const define = async (body: Record<string, unknown>) => {
        const res = await admin.post('/api/v1/custom-fields', { recordType: 'testWidget', ...body });
        expect(res.statusCode, res.body).toBe(201);
      };
      await define({
        key: 'region',
        type: 'select',
        label: { 'zh-CN': '区域', en: 'Region' },
        options: [
          { value: 'north', label: { 'zh-CN': '华北' } },
          { value: 'south', label: { 'zh-CN': '华南' } },
        ],
      });
      await define({ key: 'budget', type: 'decimal', label: { 'zh-CN': '预算' } });
      await define({ key: 'visits', type: 'integer', label: { 'zh-CN': '拜访次数' } });
      await define({ key: 'signedOn', type: 'date', label: { 'zh-CN': '签约日期' } });
      await define({
        key: 'channels',
        type: 'multiSelect',
        label: { 'zh-CN': '渠道' },
        options: [
          { value: 'web', label: { 'zh-CN': '网站' } },
          { value: 'phone', label: { 'zh-CN': '电话' } },
        ],
      });
    });

    it('validates custom values and stores them typed', async () => {
      const bad = await admin.post('/api/v1/test-widgets', {
        name: 'x',
        status: 'draft',
        custom: { region: 'east', budget: 'abc', visits: '3', unknown: 1 },
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.details.map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['custom.budget', 'custom.region', 'custom.unknown', 'custom.visits']);
      const ok = await admin.post('/api/v1/test-widgets', {
        name: '定制甲',
        status: 'draft',
        custom: { region: 'north', budget: 99.5, visits: 3, signedOn: '2026-05-01', channels: ['web', 'phone', 'web'] },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().custom).toEqual({
        region: 'north',
        budget: '99.50',
        visits: 3,
        signedOn: '2026-05-01',
        channels: ['web', 'phone'],
      });
    });

    it('filters and sorts by custom fields numerically, not as text', async () => {
      await admin.post('/api/v1/test-widgets', {
        name: '定制乙',
        status: 'draft',
        custom: { region: 'south', budget: '1000', visits: 12, channels: ['phone'] },
      });
      await admin.post('/api/v1/test-widgets', {
        name: '定制丙',
        status: 'draft',
        custom: { region: 'south', budget: '5', visits: 2 },
      });
      const sorted = await admin.get('/api/v1/test-widgets?filter[custom.visits][gte]=2&sort=-custom.visits');
      expect(sorted.json().items.map((i: { name: string }) => i.name)).toEqual(['定制乙', '定制甲', '定制丙']);
      const south = await admin.get('/api/v1/test-widgets?filter[custom.region][eq]=south&filter[custom.budget][gt]=10');
      expect(south.json().items.map((i: { name: string }) => i.name)).toEqual(['定制乙']);
      const phone = await admin.get('/api/v1/test-widgets?filter[custom.channels][eq]=phone&sort=name');
      expect(
        phone
          .json()
          .items.map((i: { name: string }) => i.name)
          .sort(),
      ).toEqual(['定制乙', '定制甲']);
    });

    it('lists custom fields in the metadata with labels in the caller’s language', async () => {
      const meta = await admin.get('/api/v1/meta/testWidget', { 'accept-language': 'en' });
      const region = meta.json().fields.find((f: { name: string }) => f.name === 'custom.region');
      expect(region).toMatchObject({ label: 'Region', type: 'select', custom: true, filterable: true });
      const zh = await admin.get('/api/v1/meta/testWidget');
      expect(zh.json().fields.find((f: { name: string }) => f.name === 'name').label).toBe('名称');
    });

    it('tells the web app where to list the type and how to group its fields', async () => {
      const meta = (await admin.get('/api/v1/meta/testWidget')).json();
      expect(meta.subsystem).toBe('platform');
      expect(meta.sections).toEqual([
        { key: 'main', label: '基本信息' },
        { key: 'details', label: '明细' },
      ]);
      expect(meta.fields.find((f: { name: string }) => f.name === 'amount').section).toBe('details');
      // A reminder applies to active widgets only: the form shows it while the status is 启用.
      expect(meta.fields.find((f: { name: string }) => f.name === 'remindAt').when).toEqual({
        field: 'status',
        values: ['active'],
      });
    });

    it('edits a definition with If-Match and answers a stale edit with 412 and the current definition', async () => {
      const list = (await admin.get('/api/v1/custom-fields?recordType=testWidget')).json().items as {
        id: string;
        key: string;
        version: number;
      }[];
      const region = list.find((f) => f.key === 'region')!;
      const ok = await admin.patch(
        `/api/v1/custom-fields/${region.id}`,
        { label: { 'zh-CN': '销售区域' } },
        { 'if-match': String(region.version) },
      );
      expect(ok.statusCode).toBe(200);
      const stale = await admin.patch(
        `/api/v1/custom-fields/${region.id}`,
        { required: true },
        { 'if-match': String(region.version) },
      );
      expect(stale.statusCode).toBe(412);
      expect(stale.json().error.current.label['zh-CN']).toBe('销售区域');
    });

    it('refuses duplicate keys and unknown record types', async () => {
      const dup = await admin.post('/api/v1/custom-fields', {
        recordType: 'testWidget',
        key: 'region',
        type: 'text',
        label: { 'zh-CN': '重复' },
      });
      expect(dup.statusCode).toBe(409);
      const unknown = await admin.post('/api/v1/custom-fields', {
        recordType: 'spaceship',
        key: 'x',
        type: 'text',
        label: { 'zh-CN': '飞船' },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details[0].field).toBe('recordType');
    });
  });

  it('bulk-updates with a per-row result and leaves refused rows untouched', async () => {
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const repRole = await buildRole(t.db, { permissions: { '*': { read: 'all', update: 'own', create: 'own' } } });
    const rep = await buildUser(t.db, { orgUnitId: unit.id, roleIds: [repRole.id] });
    const repClient = await t.as(rep.id);
    const mine = await buildWidget(repClient, { name: '我的' });
    const other = await buildWidget(admin, { name: '别人的' });
    const res = await repClient.post('/api/v1/test-widgets/bulk-update', {
      ids: [mine.id, other.id, '00000000-0000-7000-8000-000000000000'],
      changes: { status: 'active' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 2 });
    expect(res.json().results.map((r: { status: number }) => r.status)).toEqual([200, 403, 404]);
    const [stored] = await t.db.select().from(testWidgets).where(eq(testWidgets.id, other.id));
    expect(stored?.status).toBe('draft');
    const invalid = await admin.post('/api/v1/test-widgets/bulk-update', { ids: [mine.id], changes: { quantity: -5 } });
    expect(invalid.json().results[0]).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses an unknown or disabled owner and an unknown or inactive org unit, naming the field', async () => {
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const gone = await buildUser(t.db, { orgUnitId: unit.id, active: false });
    const closed = await buildOrgUnit(t.db, { parentId: rootId });
    await t.db.update(orgUnits).set({ active: false }).where(eq(orgUnits.id, closed.id));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ownerId: '00000000-0000-7000-8000-00000000000a' }, 'ownerId', 'not_found_reference'],
      [{ ownerId: gone.id }, 'ownerId', 'USER_INACTIVE'],
      [{ orgUnitId: '00000000-0000-7000-8000-00000000000b' }, 'orgUnitId', 'not_found_reference'],
      [{ orgUnitId: closed.id }, 'orgUnitId', 'ORG_UNIT_INACTIVE'],
    ];
    for (const [owner, field, code] of cases) {
      const res = await admin.post('/api/v1/test-widgets', { name: '归属测试', status: 'draft', ...owner });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field, code });
    }
    const elsewhere = await admin.post('/api/v1/test-widgets', { name: '指定部门', status: 'draft', orgUnitId: unit.id });
    expect(elsewhere.json()).toMatchObject({ ownerId: adminId, orgUnitId: unit.id });
  });

  it('bulk-assigns and records the assignment in the history', async () => {
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const newOwner = await buildUser(t.db, { orgUnitId: unit.id });
    const a = await buildWidget(admin);
    const b = await buildWidget(admin);
    const res = await admin.post('/api/v1/test-widgets/bulk-assign', { ids: [a.id, b.id], ownerId: newOwner.id });
    expect(res.json().succeeded).toBe(2);
    const got = (await admin.get(`/api/v1/test-widgets/${a.id}`)).json();
    expect(got).toMatchObject({ ownerId: newOwner.id, orgUnitId: unit.id, ownerName: newOwner.displayName });
    const history = (await admin.get(`/api/v1/test-widgets/${a.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'assign' });
  });

  it('exports the filtered list as CSV with a BOM, localised headers and formula-safe cells', async () => {
    await buildWidget(admin, { name: '=HYPERLINK("x")', code: 'EXP-1', status: 'active', amount: '1234.5', urgent: true });
    const res = await admin.get('/api/v1/test-widgets/export?filter[code][eq]=EXP-1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFF编号,名称,编码,状态')).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('1234.50');
    expect(lines[1]).toContain('启用');
    expect(lines.filter((l: string) => l).length).toBe(2);
  });

  it('exports only the columns a list view shows, in its order', async () => {
    await buildWidget(admin, { name: '导出列甲', code: 'EXP-COLS', status: 'retired', amount: '8.5' });
    const res = await admin.get('/api/v1/test-widgets/export?filter[code][eq]=EXP-COLS&fields=status,name,ownerId');
    expect(res.statusCode).toBe(200);
    const [header, row] = res.body.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe('状态,名称,负责人');
    expect(row).toMatch(/^停用,导出列甲,.+$/);
    const bad = await admin.get('/api/v1/test-widgets/export?fields=name,nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('fields');
  });

  it('exports more rows than one page holds, each exactly once', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({
      name: `批量导出${i}`,
      code: 'BULK-EXPORT',
      status: 'draft',
      ownerId: adminId,
      orgUnitId: rootId,
    }));
    await t.db.insert(testWidgets).values(rows);
    const res = await admin.get('/api/v1/test-widgets/export?filter[code][eq]=BULK-EXPORT&sort=name');
    const lines = res.body.split('\r\n').filter((l: string) => l);
    expect(lines.length).toBe(451);
    expect(new Set(lines.slice(1).map((l: string) => l.split(',')[0])).size).toBe(450);
  });

  it('lists related records and refuses unknown relations', async () => {
    const w = await buildWidget(admin, { name: '带零件' });
    for (const name of ['螺丝', '螺母']) {
      const res = await admin.post('/api/v1/test-widget-parts', { widgetId: w.id, name, quantity: 2 });
      expect(res.statusCode).toBe(201);
    }
    const related = await admin.get(`/api/v1/test-widgets/${w.id}/related/parts`);
    expect(related.json().items.map((p: { name: string }) => p.name)).toEqual(['螺丝', '螺母']);
    expect((await admin.get(`/api/v1/test-widgets/${w.id}/related/nothing`)).statusCode).toBe(404);
    const badRef = await admin.post('/api/v1/test-widget-parts', {
      widgetId: '00000000-0000-7000-8000-000000000001',
      name: '孤儿',
      quantity: 1,
    });
    expect(badRef.statusCode).toBe(400);
    expect(badRef.json().error.details[0]).toMatchObject({ field: 'widgetId', code: 'not_found_reference' });
  });

  it('names the records a reference points at, but only those the reader may see', async () => {
    const w = await buildWidget(admin, { name: '可见部件' });
    const created = await admin.post('/api/v1/test-widget-parts', { widgetId: w.id, name: '垫片', quantity: 3 });
    expect(created.json().titles).toMatchObject({ widgetId: '可见部件', createdBy: expect.any(String) });
    const partId = created.json().id as string;
    // A reader who may see parts but no widget gets the id without its title.
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const role = await buildRole(t.db, { permissions: { testWidgetPart: { read: 'all' } } });
    const reader = await t.as((await buildUser(t.db, { orgUnitId: unit.id, roleIds: [role.id] })).id);
    const seen = (await reader.get(`/api/v1/test-widget-parts/${partId}`)).json();
    expect(seen.widgetId).toBe(w.id);
    expect(seen.titles.widgetId).toBeUndefined();
    const listed = (await admin.get(`/api/v1/test-widget-parts?filter[widgetId][eq]=${w.id}`)).json();
    expect(listed.items[0].titles.widgetId).toBe('可见部件');
  });

  it('shares a record with a user who then sees it, and unsharing hides it again', async () => {
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const ownRole = await buildRole(t.db, { permissions: { '*': { read: 'own' } } });
    const viewer = await buildUser(t.db, { orgUnitId: unit.id, roleIds: [ownRole.id] });
    const viewerClient = await t.as(viewer.id);
    const w = await buildWidget(admin, { name: '共享的' });
    expect((await viewerClient.get(`/api/v1/test-widgets/${w.id}`)).statusCode).toBe(404);
    expect(
      (await admin.post(`/api/v1/test-widgets/${w.id}/shares`, { userId: viewer.id, reason: 'team', teamRole: '客户经理' }))
        .statusCode,
    ).toBe(204);
    expect((await viewerClient.get(`/api/v1/test-widgets/${w.id}`)).statusCode).toBe(200);
    expect((await viewerClient.patch(`/api/v1/test-widgets/${w.id}`, { name: '改' }, { 'if-match': '1' })).statusCode).toBe(403);
    const shares = (await admin.get(`/api/v1/test-widgets/${w.id}/shares`)).json().items;
    expect(shares).toMatchObject([{ userId: viewer.id, access: 'read', reason: 'team', teamRole: '客户经理' }]);
    expect(
      (await viewerClient.post(`/api/v1/test-widgets/${w.id}/shares`, { userId: viewer.id, access: 'edit' })).statusCode,
    ).toBe(403);
    expect((await admin.delete(`/api/v1/test-widgets/${w.id}/shares/${viewer.id}`)).statusCode).toBe(204);
    expect((await viewerClient.get(`/api/v1/test-widgets/${w.id}`)).statusCode).toBe(404);
  });

  it('replays a POST with the same Idempotency-Key and creates nothing more; another body with that key is 422', async () => {
    const headers = { 'idempotency-key': 'create-widget-0001' };
    const first = await admin.post('/api/v1/test-widgets', { name: '幂等', status: 'draft' }, headers);
    const again = await admin.post('/api/v1/test-widgets', { name: '幂等', status: 'draft' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect((await t.db.select().from(testWidgets).where(eq(testWidgets.name, '幂等'))).length).toBe(1);
    const other = await admin.post('/api/v1/test-widgets', { name: '别的', status: 'draft' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers malformed JSON, wrong content types and oversized bodies with 4xx and writes nothing', async () => {
    const before = (await t.db.select().from(auditLog)).length;
    const malformed = await admin.postRaw('/api/v1/test-widgets', '{"name": "x",');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_JSON');
    const text = await admin.postRaw('/api/v1/test-widgets', 'name=x', 'text/plain');
    expect(text.statusCode).toBe(415);
    const huge = await admin.post('/api/v1/test-widgets', {
      name: 'x',
      status: 'draft',
      notes: 'x'.repeat(t.config.bodyLimitBytes + 10),
    });
    expect(huge.statusCode).toBe(413);
    const wrongTypes = await admin.post('/api/v1/test-widgets', { name: 42, status: ['draft'], urgent: 'yes' });
    expect(wrongTypes.statusCode).toBe(400);
    const array = await admin.post('/api/v1/test-widgets', [1, 2]);
    expect(array.statusCode).toBe(400);
    const badId = await admin.get('/api/v1/test-widgets/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect((await t.db.select().from(auditLog)).length).toBe(before);
  });
});
