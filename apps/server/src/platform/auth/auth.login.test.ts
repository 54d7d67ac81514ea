// Sign-in over HTTP: the session cookie, the "me" answer, uniform refusals, throttling, lockout and the security log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';
import { buildOrgUnit, buildRole, buildRootUnit, buildUser, TEST_PASSWORD } from '../../../test/factories/access.ts';
import { loginThrottle, securityEvents, sessions } from './auth.schema.ts';
import { LOGIN_LIMITS, recordLoginFailure, throttleKey } from './loginThrottle.ts';

let t: TestApp;
let unitId: string;
let ipCounter = 0;
/** Each test signs in from its own address, so the per-IP limit of one test never touches another. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const login = (body: unknown, ip: string, headers: Record<string, string> = {}) =>
  t.anonymous.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: body as object,
    headers: { 'x-forwarded-for': ip, ...headers },
  });

const eventsOf = (username: string) =>
  t.db.select().from(securityEvents).where(eq(securityEvents.username, username)).orderBy(securityEvents.at);

const sessionCount = async (userId: string) =>
  (await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).length;

beforeAll(async () => {
  // Behind a proxy, so tests can choose the client address and the scheme.
  t = await createTestApp({ config: { trustProxy: true } });
  unitId = (await buildOrgUnit(t.db, { parentId: (await buildRootUnit(t.db)).id, name: '华东分公司' })).id;
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/auth/login', () => {
  it('signs in: sets an HttpOnly SameSite=Lax session cookie and answers the signed-in user', async () => {
    const role = await buildRole(t.db, { key: 'login_sales', name: '销售代表', permissions: { customer: { read: 'own' } } });
    const user = await buildUser(t.db, { orgUnitId: unitId, roleIds: [role.id], displayName: '王小明' });
    const res = await login({ username: user.username, password: TEST_PASSWORD }, freshIp());
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gx_session=[\w-]{20,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = res.json();
    expect(me.user).toMatchObject({
      id: user.id,
      username: user.username,
      displayName: '王小明',
      orgUnitId: unitId,
      orgUnitName: '华东分公司',
      isAdmin: false,
      locale: 'zh-CN',
      roles: [{ key: 'login_sales', name: '销售代表' }],
      permissions: { customer: { read: 'own' } },
    });
    expect(me.csrfToken).toEqual(expect.any(String));
    expect(await sessionCount(user.id)).toBe(1);
    expect((await eventsOf(user.username)).map((e) => e.kind)).toEqual(['login_succeeded']);

    // The cookie and CSRF token it returned work for a signed-in write.
    const sessionCookie = cookie.split(';')[0]!;
    const locale = await t.anonymous.put(
      '/api/v1/auth/me/locale',
      { locale: 'en' },
      { cookie: sessionCookie, 'x-csrf-token': me.csrfToken },
    );
    expect(locale.statusCode).toBe(200);
    expect(locale.json().user.locale).toBe('en');
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    const res = await login({ username: user.username, password: TEST_PASSWORD }, freshIp(), { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });

  it('answers unknown user, wrong password and disabled user alike: 401 INVALID_CREDENTIALS, logged with the reason', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    const disabled = await buildUser(t.db, { orgUnitId: unitId, active: false });
    const attempts = [
      { username: 'nobody-here', password: TEST_PASSWORD, reason: 'unknown_user' },
      { username: user.username, password: 'wrong password', reason: 'wrong_password' },
      { username: disabled.username, password: TEST_PASSWORD, reason: 'disabled' },
    ];
    const bodies = [];
    for (const attempt of attempts) {
      const res = await login({ username: attempt.username, password: attempt.password }, freshIp(), { 'accept-language': 'en' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      const { code, message } = res.json().error;
      bodies.push({ code, message });
      const [event] = await eventsOf(attempt.username);
      expect(event).toMatchObject({ kind: 'login_failed', detail: expect.objectContaining({ reason: attempt.reason }) });
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' });
    expect(await sessionCount(disabled.id)).toBe(0);
  });

  it('takes about as long for an unknown user as for a wrong password (a dummy hash is verified)', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    const time = async (username: string) => {
      const started = performance.now();
      await login({ username, password: 'not the password' }, freshIp());
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Alternate, and stay below the username lockout, so both series see the same machine load.
    for (let i = 0; i < 4; i++) {
      unknown.push(await time(`ghost-${i}`));
      wrong.push(await time(user.username));
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // And both paid for argon2: a bare lookup would answer in well under a few milliseconds.
    expect(median(unknown)).toBeGreaterThan(5);
  });

  it(`locks a username after ${LOGIN_LIMITS.userMaxFailures} failures: 429 ACCOUNT_LOCKED with Retry-After, even with the right password`, async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    for (let i = 0; i < LOGIN_LIMITS.userMaxFailures; i++) {
      // From different addresses: the lock follows the username, not the client.
      const res = await login({ username: user.username, password: `wrong-${i}` }, freshIp());
      expect(res.statusCode).toBe(401);
    }
    const locked = await login({ username: user.username, password: TEST_PASSWORD }, freshIp(), { 'accept-language': 'en' });
    expect(locked.statusCode).toBe(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOGIN_LIMITS.lockMinutes * 60 - 10);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.lockMinutes * 60);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.message).toContain(`${retryAfter} seconds`);
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect(await sessionCount(user.id)).toBe(0);
    const kinds = (await eventsOf(user.username)).map((e) => e.kind);
    expect(kinds).toEqual([...Array(LOGIN_LIMITS.userMaxFailures).fill('login_failed'), 'login_locked']);

    // Once the lock has run out (moved into the past here), the right password works again.
    await t.db
      .update(loginThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'`, windowStartedAt: sql`now() - interval '16 minutes'` })
      .where(eq(loginThrottle.key, throttleKey('user', user.username)));
    expect((await login({ username: user.username, password: TEST_PASSWORD }, freshIp())).statusCode).toBe(200);
  });

  it('counts concurrent failures exactly, so parallel guessing cannot slip past the limit', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    const attempts = 8;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) => login({ username: user.username, password: `parallel-${i}` }, freshIp())),
    );
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const [row] = await t.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, throttleKey('user', user.username)));
    // Attempts that arrived after the lock was set answered 429 without being counted.
    const counted = results.filter((r) => r.statusCode === 401).length;
    expect(row!.failures).toBe(counted);
    expect(row!.failures).toBeGreaterThanOrEqual(LOGIN_LIMITS.userMaxFailures);
    expect(row!.lockedUntil).not.toBeNull();
  });

  it('forgets the failures of a username after a successful sign-in', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    for (let i = 0; i < LOGIN_LIMITS.userMaxFailures - 1; i++) {
      await login({ username: user.username, password: 'nope nope' }, freshIp());
    }
    expect((await login({ username: user.username, password: TEST_PASSWORD }, freshIp())).statusCode).toBe(200);
    const [row] = await t.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, throttleKey('user', user.username)));
    expect(row).toBeUndefined();
    // Four more failures do not lock: the count started again.
    for (let i = 0; i < LOGIN_LIMITS.userMaxFailures - 1; i++) {
      expect((await login({ username: user.username, password: 'nope nope' }, freshIp())).statusCode).toBe(401);
    }
    expect((await login({ username: user.username, password: TEST_PASSWORD }, freshIp())).statusCode).toBe(200);
  });

  it('restarts the count when the window is over', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    for (let i = 0; i < LOGIN_LIMITS.userMaxFailures - 1; i++)
      await login({ username: user.username, password: 'x'.repeat(9) }, freshIp());
    await t.db
      .update(loginThrottle)
      .set({ windowStartedAt: sql`now() - interval '16 minutes'` })
      .where(eq(loginThrottle.key, throttleKey('user', user.username)));
    expect((await login({ username: user.username, password: 'x'.repeat(9) }, freshIp())).statusCode).toBe(401);
    const [row] = await t.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, throttleKey('user', user.username)));
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it(`limits one address to ${LOGIN_LIMITS.ipMaxFailures} failures: then 429 RATE_LIMITED with Retry-After, for every username`, async () => {
    const ip = freshIp();
    const user = await buildUser(t.db, { orgUnitId: unitId });
    // All but the last failure are counted directly (no argon2 needed); the last one goes over HTTP.
    for (let i = 0; i < LOGIN_LIMITS.ipMaxFailures - 1; i++) await recordLoginFailure(t.db, { username: `spray-${i}`, ip });
    expect((await login({ username: 'spray-last', password: 'password guess' }, ip)).statusCode).toBe(401);
    const limited = await login({ username: user.username, password: TEST_PASSWORD }, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await sessionCount(user.id)).toBe(0);
    // Another address is not affected.
    expect((await login({ username: user.username, password: TEST_PASSWORD }, freshIp())).statusCode).toBe(200);
  });

  it('replaces the session of a browser that signs in again, without asking for a CSRF token', async () => {
    const user = await buildUser(t.db, { orgUnitId: unitId });
    const client = await t.as(user.id);
    const res = await login({ username: user.username, password: TEST_PASSWORD }, freshIp(), { cookie: client.cookie! });
    expect(res.statusCode).toBe(200);
    expect(await sessionCount(user.id)).toBe(1);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  describe('bad input: 400 with a code, no session, no throttle entry', () => {
    const cases: [string, () => Promise<{ statusCode: number; json(): { error: { code: string } } }>, string][] = [
      ['malformed JSON', () => login('{"username": "a", ', freshIp(), { 'content-type': 'application/json' }), 'INVALID_JSON'],
      ['an unknown field', () => login({ username: 'someone', password: 'x', remember: true }, freshIp()), 'VALIDATION_FAILED'],
      ['a number as username', () => login({ username: 42, password: 'x' }, freshIp()), 'VALIDATION_FAILED'],
      ['a missing password', () => login({ username: 'someone' }, freshIp()), 'VALIDATION_FAILED'],
      ['an array body', () => login([1, 2], freshIp()), 'VALIDATION_FAILED'],
      [
        'a form body',
        () => login('username=a&password=b', freshIp(), { 'content-type': 'application/x-www-form-urlencoded' }),
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ];
    it.each(cases)('%s', async (_name, send, code) => {
      const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
      const res = await send();
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.code).toBe(code);
      expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(sessions)).toEqual(before);
      const [row] = await t.db
        .select()
        .from(loginThrottle)
        .where(and(eq(loginThrottle.key, throttleKey('user', 'someone'))));
      expect(row).toBeUndefined();
    });
  });
});
