// Loads an Actor (user, org unit, merged role permissions) for a signed-in user.
import { eq, sql } from 'drizzle-orm';
import type { RolePermissions } from '@guanxi/contracts';
import type { Locale } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor, WriteSource } from '../http/context.ts';
import { orgUnits, roles, userRoles, users } from './access.schema.ts';
import { mergePermissions } from './scopes.ts';

export interface ActorOptions {
  source: WriteSource;
  requestId: string | null;
  via: Actor['via'];
  sessionId?: string;
  csrfToken?: string;
}

interface RoleGrant {
  key: string;
  isAdmin: boolean;
  permissions: RolePermissions;
}

/** Returns null when the user does not exist or is disabled. */
export async function loadActor(db: DbOrTx, userId: string, options: ActorOptions): Promise<Actor | null> {
  // One round trip: the user, their unit's path and all their roles.
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      orgUnitId: users.orgUnitId,
      orgUnitPath: orgUnits.path,
      locale: users.locale,
      active: users.active,
      roles: sql<RoleGrant[]>`coalesce((
        SELECT json_agg(json_build_object('key', ${roles.key}, 'isAdmin', ${roles.isAdmin}, 'permissions', ${roles.permissions}))
        FROM ${userRoles} JOIN ${roles} ON ${roles.id} = ${userRoles.roleId}
        WHERE ${userRoles.userId} = ${users.id}), '[]'::json)`,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, userId));
  if (!row || !row.active) return null;
  const granted = row.roles;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    orgUnitId: row.orgUnitId,
    orgUnitPath: row.orgUnitPath,
    isAdmin: granted.some((r) => r.isAdmin),
    permissions: mergePermissions(granted.map((r) => r.permissions)),
    roleKeys: granted.map((r) => r.key),
    locale: row.locale as Locale,
    ...options,
  };
}

/** An actor for work the system does on a user's behalf (jobs, imports), with that user's rights. */
export async function loadSystemActor(db: DbOrTx, userId: string, source: WriteSource): Promise<Actor | null> {
  return loadActor(db, userId, { source, requestId: null, via: 'system' });
}
