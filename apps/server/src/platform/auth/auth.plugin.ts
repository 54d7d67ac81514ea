// Authenticates every request: a session cookie (with CSRF protection on writes) or an API token
// (`Authorization: Bearer gx_…`). Sets `request.actor`; routes decide whether one is required.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadActor } from '../access/actor.ts';
import { AppError } from '../http/errors.ts';
import type { WriteSource } from '../http/context.ts';
import { SESSION_COOKIE, touchSession } from './sessions.ts';
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

  app.addHook('preHandler', async (request, reply) => {
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
    const session = await touchSession(app.db, cookieValue, timeouts);
    if (session.state !== 'valid') {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // A stale cookie on a public route (e.g. the login page) is harmless; protected routes answer 401.
      request.sessionExpired = session.state === 'expired';
      return;
    }
    const actor = await loadActor(app.db, session.userId, {
      source: sourceOf(request, 'ui'),
      requestId: request.id,
      via: 'session',
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    });
    if (!actor) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        await logSecurityEvent(app.db, request, { kind: 'csrf_rejected', userId: actor.userId });
        throw new AppError('CSRF_FAILED', 403);
      }
    }
    request.actor = actor;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired?: boolean;
  }
}
