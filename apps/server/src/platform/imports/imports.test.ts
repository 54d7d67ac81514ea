import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildRole, buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { buildXlsx, multipartForm } from '../../../test/factories/files.ts';
import { defineEntity } from '../entities/descriptor.ts';
import { fixtureEntities, widgetEntity } from '../entities/fixture/fixture.entities.ts';
import { testWidgets } from '../entities/fixture/fixture.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { registerImportHooks } from './imports.registry.ts';
import { transferChunks } from './imports.schema.ts';

// Widgets whose write fails like a lost database connection when the name says so, while `failing` is on.
let failing = true;
const flakyWidgets = defineEntity({
  ...widgetEntity,
  name: 'flakyWidget',
  plural: 'flaky-widgets',
  relations: {},
  hooks: {
    async afterWrite(_ctx, record) {
      if (failing && String(record.name).startsWith('崩溃')) throw new Error('connection terminated unexpectedly');
    },
  },
});

registerImportHooks('testWidget', {
  async findDuplicate(db, _actor, values) {
    if (typeof values.code !== 'string') return undefined;
    const [row] = await db.select({ id: testWidgets.id }).from(testWidgets).where(eq(testWidgets.code, values.code));
    return row?.id;
  },
  synonyms: { code: ['物料编号'] },
});

describe('imports', () => {
  let t: TestApp;
  let admin: TestClient;
  let clerk: TestClient;
  let clerkId: string;
  let other: TestClient;
  let reader: TestClient;

  const upload = (client: TestClient, recordType: string, name: string, content: Buffer | string) => {
    const form = multipartForm({ recordType }, { name, content });
    return client.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
  };
  const runJobs = () => t.app.jobs.tick();
  const errorsCsv = async (client: TestClient, id: string) => (await client.get(`/api/v1/imports/${id}/errors`)).body;

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: [...fixtureEntities, flakyWidgets], config: { importBatchSize: 2 } });
    admin = await t.as((await buildAdmin(t.db)).user.id);
    const root = await buildRootUnit(t.db);
    const all = { read: 'all', create: 'all', update: 'all', export: 'all' } as const;
    const writer = await buildRole(t.db, { permissions: { testWidget: all, flakyWidget: all } });
    const viewer = await buildRole(t.db, { permissions: { testWidget: { read: 'all' } } });
    const clerkUser = await buildUser(t.db, { orgUnitId: root.id, roleIds: [writer.id] });
    clerkId = clerkUser.id;
    clerk = await t.as(clerkUser.id);
    other = await t.as((await buildUser(t.db, { orgUnitId: root.id, roleIds: [writer.id] })).id);
    reader = await t.as((await buildUser(t.db, { orgUnitId: root.id, roleIds: [viewer.id] })).id);
  });
  afterAll(async () => t?.close());

  it('reads a UTF-8 CSV with BOM, maps Chinese headers, and reports every bad row with its line and column', async () => {
    const csv =
      '\uFEFF名称,状态,金额,数量,到期日,电子邮箱,备注,无关列\r\n' +
      '上海一号,启用,"1,200.50",3,2024/3/5,A@Example.com,,x\r\n' +
      '上海二号,draft,8,4,2024年2月30日,,,x\r\n' +
      '上海三号,启用,9,很多,2024-01-01,,,x\r\n' +
      '上海四号,作废,9,1,2024-01-01,,,x\r\n' +
      '上海一号,启用,"1,200.50",3,2024/3/5,A@Example.com,,x\r\n' +
      ',启用,1,1,2024-01-01,,,x\r\n' +
      `上海七号,启用,1,1,2024-01-01,,${'长'.repeat(10 * 1024 * 1024)},x\r\n` +
      '上海八号,停用,2,2,20240105,,,x\r\n';
    const res = await upload(clerk, 'testWidget', '部件.csv', csv);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'utf-8', recordType: 'testWidget' });
    expect(created.headers).toEqual(['名称', '状态', '金额', '数量', '到期日', '电子邮箱', '备注', '无关列']);
    expect(created.mapping.map((m: { field: string | null }) => m.field)).toEqual([
      'name',
      'status',
      'amount',
      'quantity',
      'dueDate',
      'email',
      'notes',
      null,
    ]);
    expect(created.unmappedColumns).toEqual(['无关列']);
    expect(created.missingRequired).toEqual([]);
    expect(created.preview).toHaveLength(8);
    expect(created.preview[6][6]).toHaveLength(200);

    const started = await clerk.post(`/api/v1/imports/${created.id}/start`);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().status).toBe('queued');
    await runJobs();
    const done = (await clerk.get(`/api/v1/imports/${created.id}`)).json();
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ total: 8, done: 8, created: 2, updated: 0, skipped: 0, failed: 6, rolledBack: 0 });

    const rows = await t.db
      .select()
      .from(testWidgets)
      .where(inArray(testWidgets.name, ['上海一号', '上海八号']));
    expect(rows.find((r) => r.name === '上海一号')).toMatchObject({
      status: 'active',
      amount: '1200.50',
      quantity: 3,
      dueDate: '2024-03-05',
      email: 'a@example.com',
      createdBy: clerkId,
    });
    expect(rows.find((r) => r.name === '上海八号')).toMatchObject({ status: 'retired', dueDate: '2024-01-05' });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.recordId, rows[0]!.id));
    expect(audit).toMatchObject({ action: 'create', source: 'import', userId: clerkId });

    const report = await errorsCsv(clerk, created.id);
    const lines = report
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('行号,结果,列,说明');
    expect(lines).toContain('3,错误,到期日,格式不正确。');
    expect(lines).toContain('4,错误,数量,值不正确。');
    expect(lines).toContain('5,错误,状态,不是可选的值。');
    expect(lines).toContain('6,错误,,与文件第 2 行重复。');
    expect(lines).toContain('7,错误,名称,此项为必填项。');
    expect(lines.find((l) => l.startsWith('8,'))).toMatch(/^8,错误,备注,长度不能超过/);
    // The stored upload is gone once the import is done.
    expect(await t.db.select().from(transferChunks).where(eq(transferChunks.fileId, created.id))).toEqual([]);
  }, 120_000);

  it('detects a GBK file and reads its Chinese correctly', async () => {
    const gbk = iconv.encode('名称,状态,编码\r\n广州天河分部,启用,GBK-1\r\n深圳南山分部,草稿,GBK-2\r\n', 'gbk');
    const res = await upload(clerk, 'testWidget', '部件-gbk.csv', gbk);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ encoding: 'gb18030', headers: ['名称', '状态', '编码'] });
    expect(res.json().preview[0]).toEqual(['广州天河分部', '启用', 'GBK-1']);
    await clerk.post(`/api/v1/imports/${res.json().id}/start`);
    await runJobs();
    expect((await clerk.get(`/api/v1/imports/${res.json().id}`)).json().progress.created).toBe(2);
    const [row] = await t.db.select().from(testWidgets).where(eq(testWidgets.code, 'GBK-2'));
    expect(row).toMatchObject({ name: '深圳南山分部', status: 'draft' });
  });

  it('reads the first sheet of an .xlsx through shared strings, with date serials and English headers', async () => {
    const xlsx = await buildXlsx([
      ['Name', 'Status', 'Quantity', 'Due date', 'Urgent'],
      ['杭州西湖部件', 'Active', 5, { n: 45292 }, '是'],
      ['杭州滨江部件', '草稿', 6, '2024-02-01', 'no'],
    ]);
    const res = await upload(clerk, 'testWidget', 'widgets.xlsx', xlsx);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      format: 'xlsx',
      encoding: null,
      headers: ['Name', 'Status', 'Quantity', 'Due date', 'Urgent'],
    });
    expect(res.json().mapping.map((m: { field: string }) => m.field)).toEqual([
      'name',
      'status',
      'quantity',
      'dueDate',
      'urgent',
    ]);
    expect(res.json().preview).toEqual([
      ['杭州西湖部件', 'Active', '5', '45292', '是'],
      ['杭州滨江部件', '草稿', '6', '2024-02-01', 'no'],
    ]);
    await clerk.post(`/api/v1/imports/${res.json().id}/start`);
    await runJobs();
    const rows = await t.db
      .select()
      .from(testWidgets)
      .where(inArray(testWidgets.name, ['杭州西湖部件', '杭州滨江部件']));
    expect(rows.map((r) => [r.name, r.status, r.quantity, r.dueDate, r.urgent]).sort()).toEqual([
      ['杭州滨江部件', 'draft', 6, '2024-02-01', false],
      ['杭州西湖部件', 'active', 5, '2024-01-01', true],
    ]);
  });

  it('refuses to start while a required field has no column, and takes an edited mapping', async () => {
    const res = await upload(clerk, 'testWidget', 'x.csv', '部件名,状态\r\n宁波部件,启用\r\n');
    const id = res.json().id;
    expect(res.json().missingRequired).toEqual(['name']);
    const refused = await clerk.post(`/api/v1/imports/${id}/start`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_REQUIRED_UNMAPPED');
    const bad = await clerk.patch(`/api/v1/imports/${id}`, { mapping: [{ index: 0, field: 'noSuchField' }] });
    expect(bad.statusCode).toBe(400);
    const twice = await clerk.patch(`/api/v1/imports/${id}`, { mapping: [{ index: 0, field: 'status' }] });
    expect(twice.statusCode).toBe(400);
    const fixed = await clerk.patch(`/api/v1/imports/${id}`, { mapping: [{ index: 0, field: 'name' }] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().missingRequired).toEqual([]);
    expect((await clerk.post(`/api/v1/imports/${id}/start`)).statusCode).toBe(202);
    expect((await clerk.patch(`/api/v1/imports/${id}`, { duplicatePolicy: 'create' })).statusCode).toBe(409);
    await runJobs();
    expect((await clerk.get(`/api/v1/imports/${id}`)).json().progress.created).toBe(1);
  });

  it('skips or updates rows that match an existing record through the type hook', async () => {
    const csv = '名称,状态,物料编号\r\n温州部件,启用,WZ-1\r\n';
    const first = (await upload(clerk, 'testWidget', 'a.csv', csv)).json();
    expect(first.mapping[2].field).toBe('code');
    await clerk.post(`/api/v1/imports/${first.id}/start`);
    await runJobs();
    const again = (await upload(clerk, 'testWidget', 'a.csv', '名称,状态,物料编号\r\n温州部件（新）,停用,WZ-1\r\n')).json();
    await clerk.post(`/api/v1/imports/${again.id}/start`);
    await runJobs();
    expect((await clerk.get(`/api/v1/imports/${again.id}`)).json().progress).toMatchObject({ skipped: 1, created: 0 });
    expect(await errorsCsv(clerk, again.id)).toContain('2,跳过,,已存在相同的记录，按设置跳过。');
    const update = (await upload(clerk, 'testWidget', 'a.csv', '名称,状态,物料编号\r\n温州部件（新）,停用,WZ-1\r\n')).json();
    expect((await clerk.patch(`/api/v1/imports/${update.id}`, { duplicatePolicy: 'update' })).statusCode).toBe(200);
    await clerk.post(`/api/v1/imports/${update.id}/start`);
    await runJobs();
    expect((await clerk.get(`/api/v1/imports/${update.id}`)).json().progress).toMatchObject({ updated: 1, created: 0 });
    const rows = await t.db.select().from(testWidgets).where(eq(testWidgets.code, 'WZ-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '温州部件（新）', status: 'retired', version: 2 });
  });

  it('stops at the failed batch with earlier batches kept, then resumes, then rolls back what it created', async () => {
    failing = true;
    const csv = '名称,状态\r\n苏州1,启用\r\n苏州2,启用\r\n苏州3,启用\r\n崩溃4,启用\r\n苏州5,启用\r\n';
    const { id } = (await upload(clerk, 'flakyWidget', 'flaky.csv', csv)).json();
    await clerk.post(`/api/v1/imports/${id}/start`);
    await runJobs();
    const stopped = (await clerk.get(`/api/v1/imports/${id}`)).json();
    expect(stopped.status).toBe('interrupted');
    expect(stopped.lastError).toContain('connection terminated');
    // Batches of two: rows 1–2 committed; the batch of rows 3–4 left nothing behind.
    expect(stopped.progress).toMatchObject({ total: 5, done: 2, created: 2, failed: 0 });
    const names = async () =>
      (await t.db.select({ name: testWidgets.name, deletedAt: testWidgets.deletedAt }).from(testWidgets))
        .filter((r) => /^(苏州|崩溃)/.test(r.name))
        .map((r) => `${r.name}${r.deletedAt ? '(deleted)' : ''}`)
        .sort();
    expect(await names()).toEqual(['苏州1', '苏州2']);
    expect((await clerk.post(`/api/v1/imports/${id}/start`)).statusCode).toBe(409);

    failing = false;
    expect((await clerk.post(`/api/v1/imports/${id}/resume`)).statusCode).toBe(202);
    await runJobs();
    const resumed = (await clerk.get(`/api/v1/imports/${id}`)).json();
    expect(resumed.status).toBe('done');
    expect(resumed.progress).toMatchObject({ done: 5, created: 5, failed: 0 });
    expect(await names()).toEqual(['崩溃4', '苏州1', '苏州2', '苏州3', '苏州5']);

    expect((await clerk.post(`/api/v1/imports/${id}/rollback`)).statusCode).toBe(202);
    await runJobs();
    const rolledBack = (await clerk.get(`/api/v1/imports/${id}`)).json();
    expect(rolledBack.status).toBe('rolled_back');
    expect(rolledBack.progress.rolledBack).toBe(5);
    expect(await names()).toEqual(['崩溃4(deleted)', '苏州1(deleted)', '苏州2(deleted)', '苏州3(deleted)', '苏州5(deleted)']);
  });

  it('rolls back an interrupted import without resuming it', async () => {
    failing = true;
    const csv = '名称,状态\r\n无锡1,启用\r\n无锡2,启用\r\n崩溃3,启用\r\n';
    const { id } = (await upload(clerk, 'flakyWidget', 'flaky.csv', csv)).json();
    await clerk.post(`/api/v1/imports/${id}/start`);
    await runJobs();
    expect((await clerk.get(`/api/v1/imports/${id}`)).json()).toMatchObject({ status: 'interrupted', progress: { created: 2 } });
    await clerk.post(`/api/v1/imports/${id}/rollback`);
    await runJobs();
    expect((await clerk.get(`/api/v1/imports/${id}`)).json()).toMatchObject({
      status: 'rolled_back',
      progress: { rolledBack: 2 },
    });
    const left = await t.db
      .select()
      .from(testWidgets)
      .where(and(inArray(testWidgets.name, ['无锡1', '无锡2'])));
    expect(left.every((r) => r.deletedAt !== null)).toBe(true);
  });

  it('shows an import only to its creator and administrators, and needs create rights', async () => {
    const { id } = (await upload(clerk, 'testWidget', 'p.csv', '名称,状态\r\n私有部件,启用\r\n')).json();
    for (const url of [`/api/v1/imports/${id}`, `/api/v1/imports/${id}/errors`]) {
      expect((await other.get(url)).statusCode, url).toBe(404);
      expect((await admin.get(url)).statusCode, url).toBe(200);
    }
    for (const action of ['start', 'resume', 'rollback'])
      expect((await other.post(`/api/v1/imports/${id}/${action}`)).statusCode, action).toBe(404);
    expect((await other.patch(`/api/v1/imports/${id}`, { duplicatePolicy: 'create' })).statusCode).toBe(404);
    expect((await other.get('/api/v1/imports')).json().items.some((i: { id: string }) => i.id === id)).toBe(false);

    const refused = await upload(reader, 'testWidget', 'p.csv', '名称,状态\r\n部件,启用\r\n');
    expect(refused.statusCode).toBe(403);
    const unknownType = await upload(clerk, 'noSuchType', 'p.csv', '名称\r\n部件\r\n');
    expect(unknownType.statusCode).toBe(400);
    const empty = await upload(clerk, 'testWidget', 'p.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].code).toBe('IMPORT_FILE_EMPTY');
  });

  it('refuses a file above the configured size with 413 and keeps nothing of it', async () => {
    const small = await createTestApp({ extraEntities: fixtureEntities, config: { importMaxBytes: 1000 } });
    try {
      const client = await small.as((await buildAdmin(small.db)).user.id);
      const form = multipartForm({ recordType: 'testWidget' }, { name: 'big.csv', content: `名称\r\n${'大'.repeat(2000)}\r\n` });
      const res = await client.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('IMPORT_FILE_TOO_LARGE');
      expect(await small.db.select().from(transferChunks)).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
