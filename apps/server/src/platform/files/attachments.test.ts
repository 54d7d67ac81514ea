// Record attachments over HTTP, on customers (any kit type gets them): a Chinese file name survives upload and
// download, the bytes come back identical (SHA-256), the type is sniffed rather than believed, the size limit
// answers 413, and the record's rights decide — another branch's rep gets 404, a colleague who may only read 403.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolePermissions } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { multipartForm } from '../../../test/factories/files.ts';
import { contentDisposition } from './attachments.routes.ts';
import { sniffContentType } from './attachments.sniff.ts';

const every = (scope: string, overrides: Record<string, string> = {}): RolePermissions =>
  ({
    '*': { read: scope, create: scope, update: scope, delete: scope, assign: scope, export: scope, ...overrides },
  }) as RolePermissions;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX = 3 * 1024 * 1024;

/** A fake PDF of `size` bytes whose content varies, so a chunk mix-up would change the hash. */
function pdfBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  for (let i = 9; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
}

describe('record attachments', () => {
  let t: TestApp;
  let rep: TestClient;
  let colleague: TestClient;
  let westRep: TestClient;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { attachmentMaxBytes: MAX } });
    const { root } = await buildAdmin(t.db);
    const east = await buildOrgUnit(t.db, { parentId: root.id, name: '东区分公司' });
    const west = await buildOrgUnit(t.db, { parentId: root.id, name: '西区分公司' });
    const repRole = await buildRole(t.db, { permissions: every('own', { read: 'unit' }) });
    rep = await t.as((await buildUser(t.db, { orgUnitId: east.id, roleIds: [repRole.id], displayName: '王芳' })).id);
    colleague = await t.as((await buildUser(t.db, { orgUnitId: east.id, roleIds: [repRole.id] })).id);
    westRep = await t.as((await buildUser(t.db, { orgUnitId: west.id, roleIds: [repRole.id] })).id);
    customerId = (await buildCustomer(rep, { name: '宁波甬江书城有限公司' })).id;
  });
  afterAll(async () => t?.close());

  const url = (suffix = '') => `/api/v1/customers/${customerId}/attachments${suffix}`;
  const uploadForm = (client: TestClient, name: string, content: Buffer, type?: string) => {
    const form = multipartForm({}, { name, content, type });
    return client.request({ method: 'POST', url: url(), payload: form.payload, headers: form.headers });
  };

  it('keeps a Chinese file name and gives the bytes back identical, as a download the browser must not render', async () => {
    const bytes = pdfBytes(2.5 * 1024 * 1024); // three chunks of the store
    const res = await uploadForm(rep, '采购合同（盖章版）.pdf', bytes, 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({
      fileName: '采购合同（盖章版）.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      createdByName: '王芳',
    });

    const listed = await colleague.get(url());
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((a: { fileName: string }) => a.fileName)).toEqual(['采购合同（盖章版）.pdf']);

    const download = await colleague.get(url(`/${attachment.id}/download`));
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(bytes));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('采购合同（盖章版）.pdf')}`,
    );

    const history = (await rep.get(`/api/v1/customers/${customerId}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'attachment.add',
      changes: [{ field: 'attachment', new: '采购合同（盖章版）.pdf' }],
    });
  });

  it('takes the raw bytes with the name in X-File-Name, and serves HTML as plain text', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const res = await rep.request({
      method: 'POST',
      url: url(),
      payload: html,
      headers: { 'content-type': 'text/html', 'x-file-name': encodeURIComponent('说明 (1).html') },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '说明 (1).html', contentType: 'text/plain; charset=utf-8', size: html.length });
    const download = await rep.get(url(`/${res.json().id}/download`));
    expect(download.body).toBe(html.toString());
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''%E8%AF%B4%E6%98%8E%20%281%29.html`);
  });

  it('refuses a file above the limit with 413 and stores nothing', async () => {
    const before = (await rep.get(url())).json().items.length;
    const big = pdfBytes(MAX + 1);
    const multipart = await uploadForm(rep, '扫描件.pdf', big);
    expect(multipart.statusCode).toBe(413);
    expect(multipart.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: '文件过大，附件不能超过 3 MB。' });
    const raw = await rep.request({
      method: 'POST',
      url: url(),
      payload: big,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'scan.pdf' },
    });
    expect(raw.statusCode).toBe(413);
    expect(raw.json().error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect((await rep.get(url())).json().items.length).toBe(before);
    const { rows } = await t.database.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM transfer_chunks WHERE file_id NOT IN (SELECT file_id FROM record_attachments)',
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('refuses an empty file with 400 naming the file', async () => {
    const res = await uploadForm(rep, '空白.txt', Buffer.alloc(0));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'file', code: 'ATTACHMENT_EMPTY' })]);
  });

  it('follows the record: another branch gets 404 everywhere, a colleague who may only read gets 403 on writes', async () => {
    const added = (await uploadForm(rep, '报价单.xlsx', Buffer.from('PK\x03\x04 not really a workbook'))).json();
    expect(added.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await westRep.get(url())).statusCode).toBe(404);
    expect((await westRep.get(url(`/${added.id}/download`))).statusCode).toBe(404);
    expect((await uploadForm(westRep, '入侵.pdf', pdfBytes(100))).statusCode).toBe(404);
    expect((await westRep.delete(url(`/${added.id}`))).statusCode).toBe(404);

    expect((await uploadForm(colleague, '同事.pdf', pdfBytes(100))).statusCode).toBe(403);
    expect((await colleague.delete(url(`/${added.id}`))).statusCode).toBe(403);
    // An attachment of another record is not reachable through this one.
    const other = await buildCustomer(rep, { name: '另一家客户有限公司' });
    expect((await rep.get(`/api/v1/customers/${other.id}/attachments/${added.id}/download`)).statusCode).toBe(404);
  });

  it('removes an attachment from the list with an entry in the history; a second removal is 404', async () => {
    const added = (await uploadForm(rep, '旧版合同.pdf', pdfBytes(1000))).json();
    expect((await rep.delete(url(`/${added.id}`))).statusCode).toBe(204);
    expect((await rep.get(url())).json().items.map((a: { id: string }) => a.id)).not.toContain(added.id);
    expect((await rep.get(url(`/${added.id}/download`))).statusCode).toBe(404);
    expect((await rep.delete(url(`/${added.id}`))).statusCode).toBe(404);
    const history = (await rep.get(`/api/v1/customers/${customerId}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'attachment.remove',
      changes: [{ field: 'attachment', old: '旧版合同.pdf', new: null }],
    });
  });
});

describe('attachment helpers', () => {
  it('sniffs common types from the bytes and only trusts the name for containers and text', () => {
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'x.pdf')).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), '照片.png')).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('PK\x03\x04'), '合同.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffContentType(Buffer.from('名称,金额\n'), '明细.csv')).toBe('text/csv; charset=utf-8');
    expect(sniffContentType(Buffer.from('<svg onload=alert(1)>'), 'a.svg')).toBe('text/plain; charset=utf-8');
    expect(sniffContentType(Buffer.from([0, 1, 2, 3]), 'a.exe')).toBe('application/octet-stream');
  });

  it('writes an ASCII stand-in and the RFC 5987 name', () => {
    expect(contentDisposition('contract v2.pdf')).toBe(
      `attachment; filename="contract v2.pdf"; filename*=UTF-8''contract%20v2.pdf`,
    );
    expect(contentDisposition('合同.pdf')).toBe(`attachment; filename="attachment.pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf`);
    expect(contentDisposition(`it's "x".txt`)).toBe(`attachment; filename="it's _x_.txt"; filename*=UTF-8''it%27s%20%22x%22.txt`);
  });
});
