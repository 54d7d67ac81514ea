// The signed-in user's own account over HTTP: me, logout, session timeouts, CSRF, locale and password change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildRootUnit, buildUser, TEST_PASSWORD } from '../../../test/factories/access.ts';
import { users } from '../access/access.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { apiTokens, securityEvents, sessions } from './auth.schema.ts';
import { sha256 } from './sessions.ts';

let t: TestApp;
let unitId: string;

const sessionIdOf = (client: TestClient) => sha256(client.cookie!.split('=')[1]!);
const sessionRow = async (client: TestClient) =>
  (
    await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionIdOf(client)))
  )[0];
const eventsOf = (userId: string, kind: string) =>
  t.db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), eq(securityEvents.kind, kind)));
const newUser = () => buildUser(t.db, { orgUnitId: unitId });

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await buildRootUnit(t.db)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/auth/me', () => {
  it('answers 401 UNAUTHENTICATED without a session; an anonymous refusal stays out of the security log', async () => {
    const res = await t.anonymous.get('/api/v1/auth/me', { 'x-request-id': 'me-anonymous-1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    // Visitors before sign-in must not be able to fill the table; they are in the server log only.
    expect(await t.db.select().from(securityEvents).where(eq(securityEvents.requestId, 'me-anonymous-1'))).toEqual([]);
  });

  it('logs the refusal of a caller who presented a stale session cookie', async () => {
    const res = await t.anonymous.get('/api/v1/auth/me', {
      'x-request-id': 'me-stale-1',
      cookie: 'gx_session=not-a-real-session',
    });
    expect(res.statusCode).toBe(401);
    const [event] = await t.db.select().from(securityEvents).where(eq(securityEvents.requestId, 'me-stale-1'));
    expect(event).toMatchObject({
      kind: 'access_denied',
      userId: null,
      detail: expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED' }),
    });
  });

  it('answers 401 SESSION_EXPIRED once the idle timeout has passed, and deletes the session', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    await t.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000) })
      .where(eq(sessions.id, sessionIdOf(client)));
    const res = await client.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    expect(String(res.headers['set-cookie'])).toMatch(/^gx_session=;/);
    expect(await sessionRow(client)).toBeUndefined();
  });

  it('answers 401 SESSION_EXPIRED after the absolute timeout, however active the session was', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    await t.db
      .update(sessions)
      .set({
        createdAt: new Date(Date.now() - (t.config.sessionAbsoluteHours + 1) * 3_600_000),
        expiresAt: new Date(Date.now() - 1000),
      })
      .where(eq(sessions.id, sessionIdOf(client)));
    const res = await client.get('/api/v1/auth/me');
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    expect(await sessionRow(client)).toBeUndefined();
  });

  it('slides the idle timeout while the user is active', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const almostIdle = new Date(Date.now() - (t.config.sessionIdleMinutes - 1) * 60_000);
    await t.db
      .update(sessions)
      .set({ lastSeenAt: almostIdle })
      .where(eq(sessions.id, sessionIdOf(client)));
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await sessionRow(client))!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('ends the session of a user who was disabled while signed in', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const res = await client.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(await sessionRow(client)).toBeUndefined();
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('deletes the session and clears the cookie', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^gx_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await sessionRow(client)).toBeUndefined();
    expect(await eventsOf(user.id, 'logout')).toHaveLength(1);
    const after = await client.get('/api/v1/auth/me');
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('needs the CSRF token, so another site cannot sign the user out', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(await sessionRow(client)).toBeDefined();
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  const cases: [string, Record<string, string>][] = [
    ['a missing', { 'x-csrf-token': '' }],
    ['a forged', { 'x-csrf-token': 'forged-token-forged-token-forged-token-123' }],
    ["another session's", {}],
  ];
  it.each(cases)('%s CSRF header answers 403 CSRF_FAILED and changes nothing', async (name, headers) => {
    const user = await newUser();
    const client = await t.as(user.id);
    const other = await t.as(user.id);
    const sent = name === "another session's" ? { 'x-csrf-token': other.csrfToken! } : headers;
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'ci' },
      // Without the harness's own header, only the cookie is sent.
      headers: { cookie: client.cookie!, ...sent },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect(await t.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toHaveLength(0);
    // Logged once, as what it is, not again as a generic refusal.
    expect(await eventsOf(user.id, 'csrf_rejected')).toHaveLength(1);
    expect(await eventsOf(user.id, 'access_denied')).toHaveLength(0);
  });

  it('refuses a forged write before looking at its body', async () => {
    const client = await t.as((await newUser()).id);
    const forged = await client.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: '{"name":',
      headers: { cookie: client.cookie!, 'content-type': 'application/json', 'x-csrf-token': 'x' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_FAILED');
  });

  it('reads need no CSRF header', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await t.anonymous.get('/api/v1/auth/me', { cookie: client.cookie! });
    expect(res.statusCode).toBe(200);
  });
});

describe('PUT /api/v1/auth/me/locale', () => {
  it('stores the locale, bumps the version and audits the change', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.put('/api/v1/auth/me/locale', { locale: 'zh-TW' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locale).toBe('zh-TW');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ locale: 'zh-TW', version: user.version + 1 });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.recordId, user.id));
    expect(entry).toMatchObject({
      recordType: 'user',
      action: 'update',
      userId: user.id,
      changes: [{ field: 'locale', old: 'zh-CN', new: 'zh-TW' }],
    });
  });

  it.each([
    ['an unknown locale', { locale: 'fr' }],
    ['an unknown field', { locale: 'en', theme: 'dark' }],
    ['a wrong type', { locale: 1 }],
  ])('rejects %s with 400 and changes nothing', async (_name, body) => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.put('/api/v1/auth/me/locale', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ locale: 'zh-CN', version: user.version });
  });
});

describe('POST /api/v1/auth/password', () => {
  it('changes the password, ends the other sessions, keeps this one, and audits without the hash', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const otherDevice = await t.as(user.id);
    const res = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: '春眠不觉晓处处闻啼鸟',
    });
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await otherDevice.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = (password: string) => t.anonymous.post('/api/v1/auth/login', { username: user.username, password });
    expect((await login('春眠不觉晓处处闻啼鸟')).statusCode).toBe(200);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.recordId, user.id));
    expect(entries.map((e) => e.action)).toEqual(['password_change']);
    expect(JSON.stringify(entries)).not.toContain('argon2');
    expect(await eventsOf(user.id, 'password_changed')).toHaveLength(1);
  });

  it('refuses a wrong current password: 400 naming currentPassword, password unchanged, failure logged', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.post('/api/v1/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new secret',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'PASSWORD_INCORRECT' })]);
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row!.hash).toBe(user.passwordHash);
    expect(await eventsOf(user.id, 'password_change_failed')).toHaveLength(1);
  });

  it.each([
    ['too short', 'short', 'PASSWORD_TOO_SHORT'],
    ['too common', 'woaini1314', 'PASSWORD_TOO_COMMON'],
    ['too common in capitals', 'QWERTYUIOP', 'PASSWORD_TOO_COMMON'],
  ])('applies the password policy to newPassword (%s)', async (_name, newPassword, code) => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.post(
      '/api/v1/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.statusCode).toBe(400);
    const [detail] = res.json().error.details;
    expect(detail).toMatchObject({ field: 'newPassword', code });
    expect(detail.message).not.toBe(code);
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row!.hash).toBe(user.passwordHash);
  });

  it('counts wrong current passwords against the sign-in lockout', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    for (let i = 0; i < 5; i++) {
      await client.post('/api/v1/auth/password', { currentPassword: `guess ${i}`, newPassword: 'a brand new secret' });
    }
    const res = await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('rejects unknown fields and malformed JSON with 400', async () => {
    const user = await newUser();
    const client = await t.as(user.id);
    const unknown = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'x'.repeat(12),
      userId: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    const broken = await client.postRaw('/api/v1/auth/password', '{"currentPassword":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('INVALID_JSON');
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.recordId, user.id));
    expect(row!.n).toBe(0);
  });
});
