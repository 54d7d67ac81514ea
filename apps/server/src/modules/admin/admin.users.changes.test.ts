// User administration over HTTP, changing: If-Match concurrency, audit, ending sessions, never losing the last
// administrator, password resets and token revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildUser, TEST_PASSWORD } from '../../../test/factories/access.ts';
import { orgUnits, roles, userRoles, users } from '../../platform/access/access.schema.ts';
import { apiTokens } from '../../platform/auth/auth.schema.ts';
import { buildUsersAdminFixture, type UsersAdminFixture } from './admin.users.fixture.ts';

let f: UsersAdminFixture;
let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let rootId: string;
let branchId: string;
let salesRoleId: string;
let userRow: UsersAdminFixture['userRow'];
let auditOf: UsersAdminFixture['auditOf'];
let sessionsOf: UsersAdminFixture['sessionsOf'];

beforeAll(async () => {
  f = await buildUsersAdminFixture();
  ({ t, admin, staff, rootId, branchId, salesRoleId, userRow, auditOf, sessionsOf } = f);
});
afterAll(async () => {
  await f?.t.close();
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
      // The loser is refused as LAST_ADMIN, or, when the winner committed first, as no longer signed in.
      const [winner, loser] = results.map((r) => r.statusCode).sort();
      expect(winner).toBe(200);
      expect([401, 422]).toContain(loser);
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
