// HTTP of authentication: sign in and out, the signed-in user, their locale and password, their API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apiTokenListSchema,
  changeOwnPasswordSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  loginRequestSchema,
  meSchema,
  tokenIdParamsSchema,
  updateLocaleSchema,
} from '@guanxi/contracts';
import { loadActor } from '../access/actor.ts';
import type { Actor } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { changeOwnPassword, checkCredentials, dummyPasswordHash, getMe, setOwnLocale } from './auth.service.ts';
import { LoginLockedError } from './loginThrottle.ts';
import { logSecurityEvent } from './securityLog.ts';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.ts';
import { issueApiToken, listApiTokens, revokeApiToken } from './tokens.ts';

/** Like requireActor, but tells a user whose session timed out that it did, so the web app can say so. */
function requireSignedIn(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', 401);
}

/** Minting tokens or changing the password needs a person at a browser, not a (possibly leaked) token. */
function requireSession(request: FastifyRequest): Actor {
  const actor = requireSignedIn(request);
  if (actor.via !== 'session') throw new AppError('SESSION_REQUIRED', 403);
  return actor;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  // No expiry: the cookie dies with the browser; the server enforces the idle and absolute timeouts.
  void reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
  });
}

export function registerAuthRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const timeouts = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };
  // Hash the dummy password now, so the first unknown-user sign-in is not slower than the others.
  void dummyPasswordHash();

  api.post(
    '/v1/auth/login',
    {
      // A browser may still hold an old session cookie on the sign-in page; it carries no CSRF token there.
      config: { csrfExempt: true, public: true },
      schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const outcome = await checkCredentials(app.db, { username, password, ip: request.ip }).catch(async (err: unknown) => {
        if (err instanceof LoginLockedError) {
          await logSecurityEvent(app.db, request, {
            kind: 'login_locked',
            username,
            detail: { lock: err.kind, seconds: err.seconds },
          });
        }
        throw err;
      });
      if (!outcome.ok) {
        await logSecurityEvent(app.db, request, {
          kind: 'login_failed',
          userId: outcome.userId,
          username,
          detail: { reason: outcome.reason },
        });
        throw new AppError('INVALID_CREDENTIALS', 401);
      }
      if (request.actor?.sessionId) await deleteSession(app.db, request.actor.sessionId);
      const session = await createSession(app.db, outcome.userId, timeouts, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      const actor = await loadActor(app.db, outcome.userId, {
        source: 'ui',
        requestId: request.id,
        via: 'session',
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
      });
      if (!actor) throw new AppError('INVALID_CREDENTIALS', 401);
      await logSecurityEvent(app.db, request, { kind: 'login_succeeded', userId: actor.userId, username: actor.username });
      setSessionCookie(request, reply, session.cookieValue);
      return getMe(app.db, actor);
    },
  );

  api.post('/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const sessionId = request.actor?.sessionId;
    if (sessionId) {
      await deleteSession(app.db, sessionId);
      await logSecurityEvent(app.db, request, { kind: 'logout' });
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/v1/auth/me', { schema: { tags: ['auth'], response: { 200: meSchema } } }, async (request) => {
    return getMe(app.db, requireSignedIn(request));
  });

  api.put(
    '/v1/auth/me/locale',
    { schema: { tags: ['auth'], body: updateLocaleSchema, response: { 200: meSchema } } },
    async (request) => {
      const actor = requireSignedIn(request);
      await setOwnLocale(app.db, actor, request.body.locale);
      return getMe(app.db, { ...actor, locale: request.body.locale });
    },
  );

  api.post('/v1/auth/password', { schema: { tags: ['auth'], body: changeOwnPasswordSchema } }, async (request, reply) => {
    const actor = requireSession(request);
    const outcome = await changeOwnPassword(app.db, actor, { ...request.body, ip: request.ip });
    if (!outcome.ok) {
      await logSecurityEvent(app.db, request, { kind: 'password_change_failed' });
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'currentPassword', code: 'PASSWORD_INCORRECT', message: 'PASSWORD_INCORRECT' },
      ]);
    }
    await logSecurityEvent(app.db, request, { kind: 'password_changed', detail: { otherSessionsEnded: true } });
    return reply.status(204).send();
  });

  api.get('/v1/auth/tokens', { schema: { tags: ['auth'], response: { 200: apiTokenListSchema } } }, async (request) => {
    return { items: await listApiTokens(app.db, requireSignedIn(request).userId) };
  });

  api.post(
    '/v1/auth/tokens',
    { schema: { tags: ['auth'], body: createApiTokenSchema, response: { 201: createdApiTokenSchema } } },
    async (request, reply) => {
      const actor = requireSession(request);
      const created = await issueApiToken(app.db, actor.userId, request.body.name, request.body.expiresInDays);
      await logSecurityEvent(app.db, request, { kind: 'token_issued', detail: { tokenId: created.id, prefix: created.prefix } });
      return reply.status(201).send(created);
    },
  );

  api.delete('/v1/auth/tokens/:id', { schema: { tags: ['auth'], params: tokenIdParamsSchema } }, async (request, reply) => {
    const actor = requireSignedIn(request);
    if (!(await revokeApiToken(app.db, actor.userId, request.params.id))) throw notFound();
    await logSecurityEvent(app.db, request, { kind: 'token_revoked', detail: { tokenId: request.params.id } });
    return reply.status(204).send();
  });
}
