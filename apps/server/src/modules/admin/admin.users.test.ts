// User administration over HTTP, reading and creating: listing for everyone (owner pickers), viewing, and
// creating users as an administrator with every check of the input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../test/harness/testApp.ts';
import { buildOrgUnit, buildUser } from '../../../test/factories/access.ts';
import { orgUnits } from '../../platform/access/access.schema.ts';
import { securityEvents } from '../../platform/auth/auth.schema.ts';
import { buildUsersAdminFixture, type UsersAdminFixture } from './admin.users.fixture.ts';

let f: UsersAdminFixture;
let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let adminId: string;
let rootId: string;
let branchId: string;
let salesRoleId: string;
let userRow: UsersAdminFixture['userRow'];
let auditOf: UsersAdminFixture['auditOf'];
let userCount: UsersAdminFixture['userCount'];
let newUserBody: UsersAdminFixture['newUserBody'];

beforeAll(async () => {
  f = await buildUsersAdminFixture();
  ({ t, admin, staff, adminId, rootId, branchId, salesRoleId, userRow, auditOf, userCount, newUserBody } = f);
});
afterAll(async () => {
  await f?.t.close();
});

describe('GET /api/v1/users', () => {
  let listUnit: string;
  beforeAll(async () => {
    listUnit = (await buildOrgUnit(t.db, { parentId: rootId, name: '深圳分公司' })).id;
    await buildUser(t.db, { orgUnitId: listUnit, username: 'zhao.min', displayName: '赵敏' });
    await buildUser(t.db, { orgUnitId: listUnit, username: 'zhou.zhiruo', displayName: '周芷若' });
    await buildUser(t.db, { orgUnitId: listUnit, username: 'xiao.zhao', displayName: '小昭', active: false });
  });

  it('gives a signed-in non-administrator only the fields an owner picker needs', async () => {
    const res = await staff.get(`/api/v1/users?orgUnitId=${listUnit}`);
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(items.map((u: { username: string }) => u.username)).toEqual(['xiao.zhao', 'zhao.min', 'zhou.zhiruo']);
    expect(Object.keys(items[0]).sort()).toEqual(['active', 'displayName', 'id', 'orgUnitId', 'username']);
    expect(nextCursor).toBeNull();
  });

  it('gives administrators e-mail, mobile, roles, locale and version too', async () => {
    const res = await admin.get(`/api/v1/users?orgUnitId=${listUnit}&active=true`);
    expect(res.json().items).toHaveLength(2);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(
      ['active', 'displayName', 'email', 'id', 'locale', 'mobile', 'orgUnitId', 'roleIds', 'username', 'version'].sort(),
    );
  });

  it('finds users by part of the display name or username, case-insensitively, and treats % literally', async () => {
    const byName = await staff.get(`/api/v1/users?q=${encodeURIComponent('芷')}`);
    expect(byName.json().items.map((u: { displayName: string }) => u.displayName)).toEqual(['周芷若']);
    const byUsername = await staff.get(`/api/v1/users?q=ZHAO&orgUnitId=${listUnit}&active=true`);
    expect(byUsername.json().items.map((u: { username: string }) => u.username)).toEqual(['zhao.min']);
    const wildcard = await staff.get(`/api/v1/users?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().items).toEqual([]);
  });

  it('pages with limit and an opaque cursor', async () => {
    const first = await staff.get(`/api/v1/users?orgUnitId=${listUnit}&limit=2`);
    expect(first.json().items).toHaveLength(2);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await staff.get(`/api/v1/users?orgUnitId=${listUnit}&limit=2&cursor=${cursor}`);
    expect(second.json().items.map((u: { username: string }) => u.username)).toEqual(['zhou.zhiruo']);
    expect(second.json().nextCursor).toBeNull();
  });

  it.each([
    ['a limit over 200', 'limit=201', 'VALIDATION_FAILED'],
    ['a limit that is not a number', 'limit=ten', 'VALIDATION_FAILED'],
    ['an unknown parameter', 'sort=-username', 'VALIDATION_FAILED'],
    ['an org unit that is not a UUID', "orgUnitId=1'--", 'VALIDATION_FAILED'],
    ['an active flag that is not a boolean', 'active=yes', 'VALIDATION_FAILED'],
    ['a forged cursor', 'cursor=bm90LWpzb24', 'INVALID_CURSOR'],
  ])('answers 400 for %s', async (_name, query, code) => {
    const res = await staff.get(`/api/v1/users?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous.get('/api/v1/users')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/users/:id', () => {
  it('answers the full user with an ETag to administrators and a summary to others; 404 when missing', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId, roleIds: [salesRoleId] });
    const full = await admin.get(`/api/v1/users/${user.id}`);
    expect(full.json()).toMatchObject({ id: user.id, roleIds: [salesRoleId], version: 1 });
    expect(full.headers.etag).toBe('"1"');
    const summary = await staff.get(`/api/v1/users/${user.id}`);
    expect(summary.json()).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgUnitId: branchId,
      active: true,
    });
    expect((await admin.get('/api/v1/users/0190d6c2-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/users/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('POST /api/v1/users', () => {
  it('creates a user with a hashed password and roles, audits it without the password, and the user can sign in', async () => {
    const body = newUserBody();
    const res = await admin.post('/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      username: body.username,
      displayName: '李娜',
      email: 'li.na@example.cn',
      mobile: '13800138000',
      orgUnitId: branchId,
      roleIds: [salesRoleId],
      active: true,
      locale: 'zh-CN',
      version: 1,
    });
    expect(created).not.toHaveProperty('password');
    expect((await userRow(created.id))!.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await auditOf(created.id);
    expect(entry).toMatchObject({ recordType: 'user', action: 'create', userId: adminId });
    expect(entry!.changes.map((c) => c.field).sort()).toEqual(
      ['active', 'displayName', 'email', 'locale', 'mobile', 'orgUnitId', 'roleIds', 'username'].sort(),
    );
    expect(JSON.stringify(entry)).not.toMatch(/argon2|海内存知己/);
    const login = await t.anonymous.post('/api/v1/auth/login', { username: body.username, password: body.password });
    expect(login.statusCode).toBe(200);
  });

  it('answers 403 ADMIN_REQUIRED to a non-administrator, logs the refusal, and creates nothing', async () => {
    const before = await userCount();
    const res = await staff.post('/api/v1/users', newUserBody(), { 'x-request-id': 'create-user-denied-1' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ADMIN_REQUIRED');
    expect(await userCount()).toBe(before);
    const [event] = await t.db.select().from(securityEvents).where(eq(securityEvents.requestId, 'create-user-denied-1'));
    expect(event).toMatchObject({
      kind: 'access_denied',
      detail: expect.objectContaining({ status: 403, code: 'ADMIN_REQUIRED' }),
    });
  });

  it('answers 409 DUPLICATE_VALUE naming username, also for a name differing only in case', async () => {
    const body = newUserBody();
    expect((await admin.post('/api/v1/users', body)).statusCode).toBe(201);
    const before = await userCount();
    for (const username of [body.username, body.username.toUpperCase()]) {
      const res = await admin.post('/api/v1/users', newUserBody({ username }), { 'accept-language': 'en' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'DUPLICATE_VALUE',
        details: [{ field: 'username', code: 'duplicate', message: 'This value is already taken.' }],
      });
    }
    expect(await userCount()).toBe(before);
  });

  it('checks the org unit (exists, active) and the roles (exist)', async () => {
    const inactive = await buildOrgUnit(t.db, { parentId: rootId });
    await t.db.update(orgUnits).set({ active: false }).where(eq(orgUnits.id, inactive.id));
    const before = await userCount();
    const missingUnit = await admin.post('/api/v1/users', newUserBody({ orgUnitId: '0190d6c2-0000-7000-8000-000000000000' }));
    expect(missingUnit.statusCode).toBe(400);
    expect(missingUnit.json().error.details).toEqual([
      expect.objectContaining({ field: 'orgUnitId', code: 'not_found_reference' }),
    ]);
    const inactiveUnit = await admin.post('/api/v1/users', newUserBody({ orgUnitId: inactive.id }));
    expect(inactiveUnit.statusCode).toBe(422);
    expect(inactiveUnit.json().error.code).toBe('ORG_UNIT_INACTIVE');
    const missingRole = await admin.post(
      '/api/v1/users',
      newUserBody({ roleIds: [salesRoleId, '0190d6c2-0000-7000-8000-000000000001'] }),
    );
    expect(missingRole.statusCode).toBe(400);
    expect(missingRole.json().error.details).toEqual([
      expect.objectContaining({ field: 'roleIds', code: 'not_found_reference' }),
    ]);
    expect(await userCount()).toBe(before);
  });

  it.each([
    ['a common password', { password: '5201314520' }, 'PASSWORD_TOO_COMMON'],
    ['a short password', { password: '1234567' }, 'PASSWORD_TOO_SHORT'],
    ['a password containing the username', { username: 'wang.fang', password: 'wang.fang-2024!' }, 'PASSWORD_CONTAINS_USERNAME'],
  ])('applies the password policy to password (%s)', async (_name, overrides, code) => {
    const before = await userCount();
    const res = await admin.post('/api/v1/users', newUserBody(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'password', code })]);
    expect(await userCount()).toBe(before);
  });

  it.each([
    ['an unknown field', { isAdmin: true }],
    ['a wrong type', { roleIds: 'all' }],
    ['an invalid username', { username: '张 三' }],
    ['an invalid e-mail', { email: 'not-an-email' }],
    ['a missing display name', { displayName: undefined }],
    ['SQL in the username', { username: "x'; DROP TABLE users;--" }],
  ])('answers 400 VALIDATION_FAILED for %s and creates nothing', async (_name, overrides) => {
    const before = await userCount();
    const res = await admin.post('/api/v1/users', newUserBody(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await userCount()).toBe(before);
  });

  it('answers 400 INVALID_JSON for malformed JSON', async () => {
    const res = await admin.postRaw('/api/v1/users', '{"username":');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });
});

describe('OpenAPI', () => {
  it('describes the user and auth routes from their zod schemas', async () => {
    const doc = (await t.anonymous.get('/api/docs/json')).json();
    for (const path of ['/api/v1/users', '/api/v1/users/{id}', '/api/v1/users/{id}/tokens/{tokenId}', '/api/v1/auth/login']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const params = doc.paths['/api/v1/users'].get.parameters.map((p: { name: string }) => p.name);
    expect(params.sort()).toEqual(['active', 'cursor', 'limit', 'orgUnitId', 'q']);
    expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('password');
  });
});
