// Loads an Actor (user, org unit, merged role permissions) for a signed-in user.
import { sql, type SQL } from 'drizzle-orm';
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

/** What an Actor is built from: one row of `actorRowSql`. */
export type ActorRow = {
  actor_id: string;
  username: string;
  display_name: string;
  org_unit_id: string;
  org_unit_path: string;
  locale: string;
  active: boolean;
  roles: RoleGrant[];
};

/** The user `userId` (a value or a column of the outer query), their unit's path and all their roles, as one row. */
export const actorRowSql = (userId: SQL) => sql`
  SELECT ${users.id} AS actor_id, ${users.username} AS username, ${users.displayName} AS display_name,
         ${users.orgUnitId} AS org_unit_id, ${orgUnits.path} AS org_unit_path, ${users.locale} AS locale,
         ${users.active} AS active,
         coalesce((
           SELECT json_agg(json_build_object('key', ${roles.key}, 'isAdmin', ${roles.isAdmin}, 'permissions', ${roles.permissions}))
           FROM ${userRoles} JOIN ${roles} ON ${roles.id} = ${userRoles.roleId}
           WHERE ${userRoles.userId} = ${users.id}), '[]'::json) AS roles
  FROM ${users} JOIN ${orgUnits} ON ${orgUnits.id} = ${users.orgUnitId}
  WHERE ${users.id} = ${userId}`;

/** Null when there is no such user or the user is disabled. */
export function actorFromRow(row: ActorRow | undefined, options: ActorOptions): Actor | null {
  if (!row?.actor_id || !row.active) return null;
  const granted = row.roles;
  return {
    userId: row.actor_id,
    username: row.username,
    displayName: row.display_name,
    orgUnitId: row.org_unit_id,
    orgUnitPath: row.org_unit_path,
    isAdmin: granted.some((r) => r.isAdmin),
    permissions: mergePermissions(granted.map((r) => r.permissions)),
    roleKeys: granted.map((r) => r.key),
    locale: row.locale as Locale,
    ...options,
  };
}

/** Returns null when the user does not exist or is disabled. */
export async function loadActor(db: DbOrTx, userId: string, options: ActorOptions): Promise<Actor | null> {
  const result = await db.execute<ActorRow>(actorRowSql(sql`${userId}`));
  return actorFromRow(result.rows[0], options);
}

/** An actor for work the system does on a user's behalf (jobs, imports), with that user's rights. */
export async function loadSystemActor(db: DbOrTx, userId: string, source: WriteSource): Promise<Actor | null> {
  return loadActor(db, userId, { source, requestId: null, via: 'system' });
}
