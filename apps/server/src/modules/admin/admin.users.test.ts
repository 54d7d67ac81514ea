// User administration over HTTP: listing for everyone, create / change / reset / tokens for administrators,
// optimistic concurrency, audit, ending sessions, and never losing the last administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser, TEST_PASSWORD } from '../../../test/factories/access.ts';
import { orgUnits, roles, userRoles, users } from '../../platform/access/access.schema.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { apiTokens, securityEvents, sessions } from '../../platform/auth/auth.schema.ts';

let t: TestApp;
let admin: TestClient;
let adminId: string;
let rootId: string;
let branchId: string;
let salesRoleId: string;
let staff: TestClient;

const userRow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];
const auditOf = (id: string) => t.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(auditLog.at);
const sessionsOf = async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.userId, id))).length;
const userCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

const newUserBody = (overrides: Record<string, unknown> = {}) => ({
  username: `li.na.${Math.random().toString(36).slice(2, 8)}`,
  displayName: '李娜',
  email: 'li.na@example.cn',
  mobile: '13800138000',
  orgUnitId: branchId,
  roleIds: [salesRoleId],
  password: '海内存知己天涯若比邻',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  const built = await buildAdmin(t.db);
  adminId = built.user.id;
  rootId = built.root.id;
  admin = await t.as(adminId);
  branchId = (await buildOrgUnit(t.db, { parentId: rootId, name: '上海分公司' })).id;
  salesRoleId = (await buildRole(t.db, { name: '销售代表', permissions: { customer: { read: 'own' } } })).id;
  staff = await t.as((await buildUser(t.db, { orgUnitId: branchId, roleIds: [salesRoleId] })).id);
});
afterAll(async () => {
  await t?.close();
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
    ['an unknown field', newUserBody({ isAdmin: true })],
    ['a wrong type', newUserBody({ roleIds: 'all' })],
    ['an invalid username', newUserBody({ username: '张 三' })],
    ['an invalid e-mail', newUserBody({ email: 'not-an-email' })],
    ['a missing display name', newUserBody({ displayName: undefined })],
    ['SQL in the username', newUserBody({ username: "x'; DROP TABLE users;--" })],
  ])('answers 400 VALIDATION_FAILED for %s and creates nothing', async (_name, body) => {
    const before = await userCount();
    const res = await admin.post('/api/v1/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await userCount()).toBe(before);
  });

  it('answers 400 INVALID_JSON for malformed JSON', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('changes a user at the version given in If-Match, bumps it and audits the diff', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId, displayName: '张三' });
    const res = await admin.patch(
      `/api/v1/users/${user.id}`,
      { displayName: '张三丰', email: 'zsf@example.cn' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '张三丰', email: 'zsf@example.cn', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    expect(await userRow(user.id)).toMatchObject({ displayName: '张三丰', version: 2 });
    const [entry] = await auditOf(user.id);
    expect(entry).toMatchObject({
      action: 'update',
      changes: [
        { field: 'displayName', old: '张三', new: '张三丰' },
        { field: 'email', old: null, new: 'zsf@example.cn' },
      ],
    });
  });

  it('answers 428 without If-Match, 412 for a stale version, 400 for a malformed one; nothing changes', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId, displayName: '原名' });
    const missing = await admin.patch(`/api/v1/users/${user.id}`, { displayName: '新名' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().error.code).toBe('PRECONDITION_REQUIRED');
    const stale = await admin.patch(`/api/v1/users/${user.id}`, { displayName: '新名' }, { 'if-match': '7' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('VERSION_MISMATCH');
    const malformed = await admin.patch(`/api/v1/users/${user.id}`, { displayName: '新名' }, { 'if-match': 'latest' });
    expect(malformed.statusCode).toBe(400);
    expect(await userRow(user.id)).toMatchObject({ displayName: '原名', version: 1 });
    expect(await auditOf(user.id)).toHaveLength(0);
  });

  it('rejects unknown fields (the password and username cannot be patched) and non-admins', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    for (const body of [{ password: 'another secret!' }, { username: 'renamed' }, { version: 9 }]) {
      const res = await admin.patch(`/api/v1/users/${user.id}`, body, { 'if-match': '1' });
      expect(res.statusCode).toBe(400);
    }
    const denied = await staff.patch(`/api/v1/users/${user.id}`, { displayName: 'x' }, { 'if-match': '1' });
    expect(denied.statusCode).toBe(403);
    expect((await userRow(user.id))!.version).toBe(1);
  });

  it('disabling a user ends their sessions and stops their tokens', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    const client = await t.as(user.id);
    const token = (await client.post('/api/v1/auth/tokens', { name: 'ci' })).json().token;
    const res = await admin.patch(`/api/v1/users/${user.id}`, { active: false }, { 'if-match': '1' });
    expect(res.statusCode).toBe(200);
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const viaToken = await t.anonymous.get('/api/v1/auth/me', { authorization: `Bearer ${token}` });
    expect(viaToken.json().error.code).toBe('INVALID_TOKEN');
    const login = await t.anonymous.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(401);
  });

  it('changing org unit or roles ends sessions; changing the display name does not', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    await t.as(user.id);
    await admin.patch(`/api/v1/users/${user.id}`, { displayName: '改个名' }, { 'if-match': '1' });
    expect(await sessionsOf(user.id)).toBe(1);
    await admin.patch(`/api/v1/users/${user.id}`, { roleIds: [salesRoleId] }, { 'if-match': '2' });
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await t.db.select().from(userRoles).where(eq(userRoles.userId, user.id))).toEqual([
      { userId: user.id, roleId: salesRoleId },
    ]);
    await t.as(user.id);
    await admin.patch(`/api/v1/users/${user.id}`, { orgUnitId: rootId }, { 'if-match': '3' });
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it('checks a new org unit and new roles like create does', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    const inactive = await buildOrgUnit(t.db, { parentId: rootId });
    await t.db.update(orgUnits).set({ active: false }).where(eq(orgUnits.id, inactive.id));
    const res = await admin.patch(`/api/v1/users/${user.id}`, { orgUnitId: inactive.id }, { 'if-match': '1' });
    expect(res.statusCode).toBe(422);
    const badRole = await admin.patch(
      `/api/v1/users/${user.id}`,
      { roleIds: ['0190d6c2-0000-7000-8000-000000000002'] },
      { 'if-match': '1' },
    );
    expect(badRole.statusCode).toBe(400);
    expect(await userRow(user.id)).toMatchObject({ orgUnitId: branchId, version: 1 });
  });
});

describe('the last active administrator', () => {
  it('cannot be disabled or lose the administrator role (422 LAST_ADMIN); with a second one, can', async () => {
    const { user: last, role: adminRole } = await buildAdmin(t.db);
    const lastClient = await t.as(last.id);
    // Make `last` the only active administrator of this database for the length of the test.
    const adminUserIds = t.db
      .select({ id: userRoles.userId })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(roles.isAdmin, true));
    const others = await t.db
      .update(users)
      .set({ active: false })
      .where(and(inArray(users.id, adminUserIds), ne(users.id, last.id), eq(users.active, true)))
      .returning({ id: users.id });
    try {
      const disable = await lastClient.patch(`/api/v1/users/${last.id}`, { active: false }, { 'if-match': '1' });
      expect(disable.statusCode).toBe(422);
      expect(disable.json().error.code).toBe('LAST_ADMIN');
      const demote = await lastClient.patch(`/api/v1/users/${last.id}`, { roleIds: [salesRoleId] }, { 'if-match': '1' });
      expect(demote.statusCode).toBe(422);
      expect(await userRow(last.id)).toMatchObject({ active: true, version: 1 });
      expect(await t.db.select().from(userRoles).where(eq(userRoles.userId, last.id))).toEqual([
        { userId: last.id, roleId: adminRole.id },
      ]);

      const second = await buildUser(t.db, { orgUnitId: rootId, roleIds: [adminRole.id] });
      const ok = await lastClient.patch(`/api/v1/users/${last.id}`, { roleIds: [salesRoleId] }, { 'if-match': '1' });
      expect(ok.statusCode).toBe(200);
      const secondClient = await t.as(second.id);
      const lastAgain = await secondClient.patch(`/api/v1/users/${second.id}`, { active: false }, { 'if-match': '1' });
      expect(lastAgain.json().error.code).toBe('LAST_ADMIN');

      // Two administrators disabling each other at the same moment: one must lose.
      const third = await buildUser(t.db, { orgUnitId: rootId, roleIds: [adminRole.id] });
      const thirdClient = await t.as(third.id);
      const results = await Promise.all([
        secondClient.patch(`/api/v1/users/${third.id}`, { active: false }, { 'if-match': '1' }),
        thirdClient.patch(`/api/v1/users/${second.id}`, { active: false }, { 'if-match': '1' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
      const stillActive = await t.db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, [second.id, third.id]), eq(users.active, true)));
      expect(stillActive).toHaveLength(1);
    } finally {
      if (others.length)
        await t.db
          .update(users)
          .set({ active: true })
          .where(
            inArray(
              users.id,
              others.map((o) => o.id),
            ),
          );
    }
  });
});

describe('POST /api/v1/users/:id/password', () => {
  it('sets a new password, ends that user’s sessions, and audits without the hash', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    const client = await t.as(user.id);
    const res = await admin.post(`/api/v1/users/${user.id}/password`, { password: '白日依山尽黄河入海流' });
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = (password: string) => t.anonymous.post('/api/v1/auth/login', { username: user.username, password });
    expect((await login('白日依山尽黄河入海流')).statusCode).toBe(200);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    const entries = await auditOf(user.id);
    expect(entries.map((e) => e.action)).toEqual(['password_reset']);
    expect(JSON.stringify(entries)).not.toMatch(/argon2|白日依山尽/);
  });

  it('applies the policy, needs an administrator, and answers 404 for an unknown user', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    const weak = await admin.post(`/api/v1/users/${user.id}/password`, { password: 'iloveyou' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ field: 'password', code: 'PASSWORD_TOO_COMMON' });
    expect((await staff.post(`/api/v1/users/${user.id}/password`, { password: '白日依山尽黄河入海流' })).statusCode).toBe(403);
    expect((await userRow(user.id))!.passwordHash).toBe(user.passwordHash);
    const missing = await admin.post('/api/v1/users/0190d6c2-0000-7000-8000-000000000003/password', {
      password: '白日依山尽黄河入海流',
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET / DELETE /api/v1/users/:id/tokens', () => {
  it('lists a user’s tokens without secrets and revokes one; another user’s token id answers 404', async () => {
    const user = await buildUser(t.db, { orgUnitId: branchId });
    const client = await t.as(user.id);
    const { id, token } = (await client.post('/api/v1/auth/tokens', { name: '用友同步' })).json();
    const list = await admin.get(`/api/v1/users/${user.id}/tokens`);
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: '用友同步', revokedAt: null })]);
    expect(list.body).not.toContain(token);
    expect((await staff.get(`/api/v1/users/${user.id}/tokens`)).statusCode).toBe(403);

    const other = await buildUser(t.db, { orgUnitId: branchId });
    expect((await admin.delete(`/api/v1/users/${other.id}/tokens/${id}`)).statusCode).toBe(404);
    expect((await staff.delete(`/api/v1/users/${user.id}/tokens/${id}`)).statusCode).toBe(403);
    expect((await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.revokedAt).toBeNull();

    expect((await admin.delete(`/api/v1/users/${user.id}/tokens/${id}`)).statusCode).toBe(204);
    const viaToken = await t.anonymous.get('/api/v1/auth/me', { authorization: `Bearer ${token}` });
    expect(viaToken.json().error.code).toBe('INVALID_TOKEN');
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
