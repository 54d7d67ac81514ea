// Roles and their scope matrix (record type × action → scope). Administrators edit them; the last
// administrator role holder can never be left without administration rights.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createRoleSchema, updateRoleSchema, RolePermissions } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError, staleVersion } from '../http/errors.ts';
import { diffFields, recordAudit } from '../audit/audit.service.ts';
import { roles, userRoles, users } from './access.schema.ts';

export type RoleRow = typeof roles.$inferSelect;

export function findRoles(db: DbOrTx): Promise<RoleRow[]> {
  return db.select().from(roles).orderBy(asc(roles.name));
}

/** Permission keys must name registered record types (or `*`), so a typo cannot silently grant nothing. */
function assertKnownRecordTypes(permissions: RolePermissions | undefined, recordTypes: string[]): void {
  if (!permissions) return;
  const unknown = Object.keys(permissions).filter((k) => k !== '*' && !recordTypes.includes(k));
  if (unknown.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      unknown.map((k) => ({ field: `permissions.${k}`, code: 'invalid_option', message: 'invalid_option' })),
    );
  }
}

export async function createRole(
  db: DbOrTx,
  actor: Actor,
  input: z.infer<typeof createRoleSchema>,
  recordTypes: string[],
): Promise<RoleRow> {
  assertKnownRecordTypes(input.permissions, recordTypes);
  const [clash] = await db.select({ id: roles.id }).from(roles).where(eq(roles.key, input.key));
  if (clash) throw new AppError('DUPLICATE_VALUE', 409, [{ field: 'key', code: 'DUPLICATE_VALUE', message: 'DUPLICATE_VALUE' }]);
  const [row] = await db
    .insert(roles)
    .values({ ...input, description: input.description ?? null, isAdmin: input.isAdmin ?? false })
    .returning();
  await recordAudit(db, actor, {
    recordType: 'role',
    recordId: row!.id,
    action: 'create',
    changes: diffFields({}, row!, ['key', 'name', 'isAdmin', 'permissions']),
  });
  return row!;
}

export async function updateRole(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  input: z.infer<typeof updateRoleSchema>,
  recordTypes: string[],
): Promise<RoleRow> {
  assertKnownRecordTypes(input.permissions, recordTypes);
  const [before] = await db.select().from(roles).where(eq(roles.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== version) throw staleVersion(before);
  if (before.isAdmin && input.isAdmin === false) {
    // Some active user must keep administration rights through another role.
    const [remaining] = await db
      .select({ userId: users.id })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(roles.isAdmin, true), ne(roles.id, id), eq(users.active, true)))
      .limit(1);
    if (!remaining) throw new AppError('LAST_ADMIN', 422);
  }
  const [after] = await db
    .update(roles)
    .set({ ...input, version: before.version + 1, updatedAt: new Date() })
    .where(eq(roles.id, id))
    .returning();
  await recordAudit(db, actor, {
    recordType: 'role',
    recordId: id,
    action: 'update',
    changes: diffFields(before, after!, ['name', 'description', 'isAdmin', 'permissions']),
  });
  return after!;
}
