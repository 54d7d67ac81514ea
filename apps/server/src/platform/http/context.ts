// Who is calling: the actor every service receives. Built by the auth plugin from a session cookie or API token.
import type { Locale, RolePermissions } from '@guanxi/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export type WriteSource = 'ui' | 'api' | 'import' | 'job';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgUnitId: string;
  /** Materialised path of the actor's org unit, e.g. `/head/branch/`. */
  orgUnitPath: string;
  isAdmin: boolean;
  /** The union of the actor's roles, widest scope per record type and action. */
  permissions: RolePermissions;
  roleKeys: string[];
  locale: Locale;
  source: WriteSource;
  requestId: string | null;
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** Set when the request carried a session cookie whose session has timed out. */
    sessionExpired?: boolean;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', 401);
  return request.actor;
}

export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!actor.isAdmin) throw new AppError('ADMIN_REQUIRED', 403);
  return actor;
}
