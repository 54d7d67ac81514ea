// API tokens over HTTP: issued once, listed without the secret, acting as their user, revocable, expiring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';
import { buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { users } from '../access/access.schema.ts';
import { apiTokens, securityEvents } from './auth.schema.ts';
import { sha256 } from './sessions.ts';

let t: TestApp;
let unitId: string;

const newUser = () => buildUser(t.db, { orgUnitId: unitId });
const bearer = (token: string, url = '/api/v1/auth/me') => t.anonymous.get(url, { authorization: `Bearer ${token}` });

async function rejected(authorization: string) {
  const res = await t.anonymous.get('/api/v1/auth/me', { authorization });
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBe('INVALID_TOKEN');
}

async function issue(userId: string, body: unknown = { name: '金蝶 ERP 同步' }) {
  const client = await t.as(userId);
  const res = await client.post('/api/v1/auth/tokens', body);
  expect(res.statusCode).toBe(201);
  return { client, created: res.json() as { id: string; token: string; prefix: string; expiresAt: string | null } };
}

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await buildRootUnit(t.db)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/auth/tokens', () => {
  it('shows the token once, stores only its hash, and lists it afterwards without the secret', async () => {
    const user = await newUser();
    const { client, created } = await issue(user.id, { name: '金蝶 ERP 同步', expiresInDays: 30 });
    expect(created.token).toMatch(/^gx_[\w-]{40,}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    expect(new Date(created.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await client.get('/api/v1/auth/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: created.id, name: '金蝶 ERP 同步', prefix: created.prefix, revokedAt: null }),
    ]);
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(row!.tokenHash);
    const [event] = await t.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, user.id), eq(securityEvents.kind, 'token_issued')));
    expect(event!.detail).toMatchObject({ tokenId: created.id });
  });

  it.each([
    ['an empty name', { name: '  ' }],
    ['an unknown field', { name: 'x', scopes: ['all'] }],
    ['a string expiry', { name: 'x', expiresInDays: '30' }],
    ['a negative expiry', { name: 'x', expiresInDays: -1 }],
  ])('rejects %s with 400 and creates nothing', async (_name, body) => {
    const user = await newUser();
    const client = await t.as(user.id);
    const res = await client.post('/api/v1/auth/tokens', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await t.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toHaveLength(0);
  });

  it('cannot be called with a token: a leaked token must not mint more (403 SESSION_REQUIRED)', async () => {
    const user = await newUser();
    const { created } = await issue(user.id);
    const res = await t.anonymous.post('/api/v1/auth/tokens', { name: 'more' }, { authorization: `Bearer ${created.token}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SESSION_REQUIRED');
    expect(await t.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toHaveLength(1);
  });
});

describe('using a token', () => {
  it('acts as its user, without a cookie or CSRF header, for reads and writes', async () => {
    const user = await newUser();
    const { created } = await issue(user.id);
    const me = await bearer(created.token);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    expect(me.json().csrfToken).toBeNull();
    const write = await t.anonymous.put('/api/v1/auth/me/locale', { locale: 'en' }, { authorization: `Bearer ${created.token}` });
    expect(write.statusCode).toBe(200);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it('answers 401 INVALID_TOKEN for an unknown, malformed or oversized token, and logs it', async () => {
    await rejected('Bearer gx_this-token-was-never-issued-by-anyone');
    await rejected('Bearer not-even-our-prefix');
    await rejected(`Bearer gx_${'a'.repeat(5000)}`);
    await rejected('Basic dXNlcjpwYXNz');
    await rejected('Bearer');
    const events = await t.db.select().from(securityEvents).where(eq(securityEvents.kind, 'token_rejected'));
    expect(events.length).toBeGreaterThanOrEqual(5);
  });

  it('answers 401 INVALID_TOKEN once the token has expired', async () => {
    const user = await newUser();
    const { created } = await issue(user.id, { name: 'short', expiresInDays: 1 });
    expect((await bearer(created.token)).statusCode).toBe(200);
    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.id));
    await rejected(`Bearer ${created.token}`);
  });

  it("answers 401 INVALID_TOKEN for a disabled user's token (and works again when re-enabled)", async () => {
    const user = await newUser();
    const { created } = await issue(user.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    await rejected(`Bearer ${created.token}`);
    const [event] = await t.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, user.id), eq(securityEvents.kind, 'token_rejected')));
    expect(event).toBeDefined();
    await t.db.update(users).set({ active: true }).where(eq(users.id, user.id));
    expect((await bearer(created.token)).statusCode).toBe(200);
  });

  it("answers 401 INVALID_TOKEN for a deleted user's token", async () => {
    const user = await newUser();
    const { created } = await issue(user.id);
    await t.db.delete(users).where(eq(users.id, user.id));
    await rejected(`Bearer ${created.token}`);
  });
});

describe('DELETE /api/v1/auth/tokens/:id', () => {
  it('revokes an own token: it stops working at once and shows as revoked', async () => {
    const user = await newUser();
    const { client, created } = await issue(user.id);
    const res = await client.delete(`/api/v1/auth/tokens/${created.id}`);
    expect(res.statusCode).toBe(204);
    await rejected(`Bearer ${created.token}`);
    const list = await client.get('/api/v1/auth/tokens');
    expect(list.json().items[0].revokedAt).not.toBeNull();
  });

  it("answers 404 for another user's token and leaves it working", async () => {
    const owner = await newUser();
    const { created } = await issue(owner.id);
    const stranger = await t.as((await newUser()).id);
    const res = await stranger.delete(`/api/v1/auth/tokens/${created.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await bearer(created.token)).statusCode).toBe(200);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const client = await t.as((await newUser()).id);
    const res = await client.delete('/api/v1/auth/tokens/1%20OR%201=1');
    expect(res.statusCode).toBe(400);
  });

  it('answers 401 without credentials', async () => {
    const res = await t.anonymous.get('/api/v1/auth/tokens');
    expect(res.statusCode).toBe(401);
  });
});
