// The security log: sign-ins, refusals and token rejections, in the database and in the server log.
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/db.ts';
import { securityEvents } from './auth.schema.ts';

export type SecurityEventKind =
  | 'login_succeeded'
  | 'login_failed'
  | 'login_locked'
  | 'logout'
  | 'access_denied'
  | 'csrf_rejected'
  | 'token_rejected'
  | 'token_issued'
  | 'token_revoked'
  | 'password_changed'
  | 'password_change_failed'
  | 'password_reset'
  | 'sessions_ended';

export async function logSecurityEvent(
  db: DbOrTx,
  request: FastifyRequest | null,
  event: { kind: SecurityEventKind; userId?: string | null; username?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  const entry = {
    kind: event.kind,
    userId: event.userId ?? request?.actor?.userId ?? null,
    username: event.username ?? request?.actor?.username ?? null,
    ip: request?.ip ?? null,
    requestId: request?.id ?? null,
    detail: { ...(event.detail ?? {}), ...(request ? { method: request.method, url: request.url } : {}) },
  };
  // The plugin's catch-all `access_denied` entry skips requests that already logged something more specific.
  if (request) request.securityLogged = true;
  request?.log.warn({ security: entry }, `security: ${event.kind}`);
  await db.insert(securityEvents).values(entry);
}

declare module 'fastify' {
  interface FastifyRequest {
    securityLogged?: boolean;
  }
}
