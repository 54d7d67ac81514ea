import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildRole, buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { fixtureEntities } from '../entities/fixture/fixture.entities.ts';

async function unzipEntry(zipBytes: Buffer, name: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zipBytes, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
    });
    zip.on('end', () => reject(new Error(`${name} not in the zip`)));
    zip.readEntry();
  });
}

describe('background exports', () => {
  let t: TestApp;
  let admin: TestClient;
  let exporter: TestClient;
  let other: TestClient;
  let noExport: TestClient;

  const exportAndWait = async (client: TestClient, body: object) => {
    const res = await client.post('/api/v1/exports', body);
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.tick();
    return (await client.get(`/api/v1/exports/${res.json().id}`)).json();
  };

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    admin = await t.as((await buildAdmin(t.db)).user.id);
    const root = await buildRootUnit(t.db);
    const canExport = await buildRole(t.db, { permissions: { testWidget: { read: 'all', export: 'all' } } });
    const readOnly = await buildRole(t.db, { permissions: { testWidget: { read: 'all' } } });
    exporter = await t.as((await buildUser(t.db, { orgUnitId: root.id, roleIds: [canExport.id] })).id);
    other = await t.as((await buildUser(t.db, { orgUnitId: root.id, roleIds: [canExport.id] })).id);
    noExport = await t.as((await buildUser(t.db, { orgUnitId: root.id, roleIds: [readOnly.id] })).id);
    for (const [name, status] of [
      ['导出甲', 'active'],
      ['导出乙', 'draft'],
      ["=cmd|' /C calc'!A0", 'active'],
    ])
      expect((await admin.post('/api/v1/test-widgets', { name, status, quantity: 7 })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('writes a filtered list to CSV in the background, formulas escaped, and logs who exported how many rows', async () => {
    const done = await exportAndWait(exporter, {
      recordType: 'testWidget',
      format: 'csv',
      query: { 'filter[status][eq]': 'active', fields: 'name,status', sort: 'name' },
    });
    expect(done).toMatchObject({ status: 'done', format: 'csv', progress: { total: 2, done: 2 } });
    const file = await exporter.get(`/api/v1/exports/${done.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body).toBe('\uFEFF名称,状态\r\n' + "'=cmd|' /C calc'!A0,启用\r\n" + '导出甲,启用\r\n');
    const log = (await exporter.get('/api/v1/exports')).json().items;
    expect(log[0]).toMatchObject({ id: done.id, recordType: 'testWidget', query: { 'filter[status][eq]': 'active' } });
  });

  it('writes an .xlsx whose text cells are inline strings, never formulas', async () => {
    const done = await exportAndWait(exporter, {
      recordType: 'testWidget',
      format: 'xlsx',
      query: { fields: 'name,quantity', sort: 'name' },
    });
    expect(done).toMatchObject({ status: 'done', progress: { total: 3, done: 3 } });
    const file = await exporter.request({ method: 'GET', url: `/api/v1/exports/${done.id}/file` });
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await unzipEntry(file.rawPayload, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain(`<c r="A2" t="inlineStr"><is><t xml:space="preserve">=cmd|' /C calc'!A0</t></is></c>`);
    expect(sheet).toContain('<c r="B3"><v>7</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">名称</t>');
    expect(await unzipEntry(file.rawPayload, 'xl/workbook.xml')).toContain('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>');
  });

  it('needs the export right, refuses a bad query at once, and shows an export only to its creator and admins', async () => {
    expect((await noExport.post('/api/v1/exports', { recordType: 'testWidget' })).statusCode).toBe(403);
    expect(
      (await exporter.post('/api/v1/exports', { recordType: 'testWidget', query: { 'filter[nope][eq]': '1' } })).statusCode,
    ).toBe(400);
    expect((await exporter.post('/api/v1/exports', { recordType: 'nothing' })).statusCode).toBe(400);
    const res = await exporter.post('/api/v1/exports', { recordType: 'testWidget' });
    const id = res.json().id;
    expect((await exporter.get(`/api/v1/exports/${id}/file`)).statusCode).toBe(409);
    await t.app.jobs.tick();
    for (const url of [`/api/v1/exports/${id}`, `/api/v1/exports/${id}/file`]) {
      expect((await other.get(url)).statusCode, url).toBe(404);
      expect((await admin.get(url)).statusCode, url).toBe(200);
    }
  });
});
