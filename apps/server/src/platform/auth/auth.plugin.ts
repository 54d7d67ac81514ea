// Authenticates every request: a session cookie (with CSRF protection on writes) or an API token
// (`Authorization: Bearer gx_…`). Sets `request.actor`; routes decide whether one is required. Every refused
// access (401/403) ends up in the security log.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFromRow, loadActor } from '../access/actor.ts';
import { AppError } from '../http/errors.ts';
import { requireActor, type WriteSource } from '../http/context.ts';
import { deleteSession, SESSION_COOKIE, touchSession } from './sessions.ts';
import { resolveApiToken } from './tokens.ts';
import { logSecurityEvent } from './securityLog.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function sourceOf(request: FastifyRequest, fallback: WriteSource): WriteSource {
  const declared = request.headers['x-guanxi-source'];
  return declared === 'import' || declared === 'ui' || declared === 'api' ? declared : fallback;
}

export async function registerAuth(app: FastifyInstance): Promise<void> {
  const timeouts = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };

  // onRequest, before the body is parsed and validated: an unauthenticated or forged request is refused
  // before any of its input is looked at (auth → validate → handler).
  app.addHook('onRequest', async (request, reply) => {
    // The web app's files and /metrics need no caller; skipping them saves two queries per asset.
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const resolved = match ? await resolveApiToken(app.db, match[1]!) : null;
      const actor = resolved
        ? await loadActor(app.db, resolved.userId, { source: sourceOf(request, 'api'), requestId: request.id, via: 'token' })
        : null;
      if (!actor) {
        await logSecurityEvent(app.db, request, { kind: 'token_rejected', userId: resolved?.userId ?? null });
        throw new AppError('INVALID_TOKEN', 401);
      }
      request.actor = actor;
      return;
    }

    const cookieValue = request.cookies[SESSION_COOKIE];
    if (!cookieValue) return;
    const session = await touchSession(app.database, cookieValue, timeouts);
    if (session.state !== 'valid') {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // A stale cookie on a public route (e.g. the login page) is harmless; protected routes answer 401.
      request.sessionExpired = session.state === 'expired';
      return;
    }
    const actor = actorFromRow(session.user, {
      source: sourceOf(request, 'ui'),
      requestId: request.id,
      via: 'session',
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    });
    if (!actor) {
      // The user was disabled or removed while signed in: the session is worthless now.
      await deleteSession(app.db, session.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        await logSecurityEvent(app.db, request, { kind: 'csrf_rejected', userId: actor.userId });
        throw new AppError('CSRF_FAILED', 403);
      }
    }
    request.actor = actor;
  });

  // Default deny: every /api/v1 route needs a signed-in caller unless it says it is public, and the check
  // comes before body validation, so an anonymous caller learns nothing about a route's input rules.
  app.addHook('preValidation', async (request) => {
    // Judged by the matched route pattern: an unknown path falls to the not-found handler (or the web app's
    // catch-all) and answers 404, whoever asks.
    const pattern = request.routeOptions.url;
    if (request.actor || request.routeOptions.config.public || !pattern?.startsWith('/api/v1/')) return;
    requireActor(request);
  });

  // Remember the code of a refusal for the log below; the error handler turns the error into the body.
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof AppError) request.deniedCode = error.code;
  });

  // onSend, not onResponse: the entry is written before the client sees the answer, so nothing races it.
  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    // Anonymous 401s (a visitor before signing in) go to the server log only; refusals of a caller who
    // presented credentials, and every 403, are kept in the security log.
    const presentedCredentials = Boolean(request.headers.authorization || request.cookies[SESSION_COOKIE]);
    if (status === 401 && !presentedCredentials && !request.securityLogged) {
      request.log.info({ status, route: request.routeOptions.url }, 'security: unauthenticated request refused');
    } else if ((status === 401 || status === 403) && !request.securityLogged) {
      try {
        await logSecurityEvent(app.db, request, {
          kind: 'access_denied',
          detail: { status, code: request.deniedCode ?? null, route: request.routeOptions.url ?? null },
        });
      } catch (err) {
        // A failed log write must not turn a refusal into a server error.
        request.log.error({ err }, 'security log write failed');
      }
    }
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    deniedCode?: string;
  }
  interface FastifyContextConfig {
    /** The route accepts cookie-authenticated writes without the CSRF header (sign-in only). */
    csrfExempt?: boolean;
    /** The route answers callers who are not signed in (sign-in, public forms). */
    public?: boolean;
  }
}
