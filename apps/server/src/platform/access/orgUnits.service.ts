// The org-unit tree: head office → branches → teams. Moving a unit rewrites the paths of its whole subtree;
// a unit cannot move below itself, and cannot be deactivated while it has active children or users.
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createOrgUnitSchema, updateOrgUnitSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import { newId } from '../db/columns.ts';
import type { Actor } from '../http/context.ts';
import { AppError, staleVersion } from '../http/errors.ts';
import { diffFields, recordAudit } from '../audit/audit.service.ts';
import { orgUnits, users } from './access.schema.ts';
import { likeEscape } from './recordAccess.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export function findOrgUnits(db: DbOrTx, options: { includeInactive?: boolean } = {}): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(options.includeInactive ? undefined : eq(orgUnits.active, true))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.name));
}

export async function getOrgUnitById(db: DbOrTx, id: string): Promise<OrgUnitRow> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!row) throw new AppError('NOT_FOUND', 404);
  return row;
}

async function activeParent(db: DbOrTx, parentId: string): Promise<OrgUnitRow> {
  const [parent] = await db.select().from(orgUnits).where(eq(orgUnits.id, parentId));
  if (!parent)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'parentId', code: 'not_found_reference', message: 'not_found_reference' },
    ]);
  if (!parent.active)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'parentId', code: 'ORG_UNIT_INACTIVE', message: 'ORG_UNIT_INACTIVE' },
    ]);
  return parent;
}

async function assertCodeFree(db: DbOrTx, code: string | null | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  const [clash] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  if (clash && clash.id !== exceptId)
    throw new AppError('DUPLICATE_VALUE', 409, [{ field: 'code', code: 'DUPLICATE_VALUE', message: 'DUPLICATE_VALUE' }]);
}

export async function createOrgUnit(db: DbOrTx, actor: Actor, input: z.infer<typeof createOrgUnitSchema>): Promise<OrgUnitRow> {
  await assertCodeFree(db, input.code);
  const id = newId();
  let path = `/${id}/`;
  let depth = 0;
  if (input.parentId) {
    const parent = await activeParent(db, input.parentId);
    path = `${parent.path}${id}/`;
    depth = parent.depth + 1;
  } else {
    const [root] = await db.select({ id: orgUnits.id }).from(orgUnits).where(isNull(orgUnits.parentId));
    if (root) throw new AppError('ROOT_ORG_UNIT_EXISTS', 422);
  }
  const [row] = await db
    .insert(orgUnits)
    .values({ id, name: input.name, code: input.code ?? null, parentId: input.parentId, path, depth })
    .returning();
  await recordAudit(db, actor, {
    recordType: 'orgUnit',
    recordId: id,
    action: 'create',
    changes: diffFields({}, row!, ['name', 'code', 'parentId']),
  });
  return row!;
}

export async function updateOrgUnit(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  input: z.infer<typeof updateOrgUnitSchema>,
): Promise<OrgUnitRow> {
  const [before] = await db.select().from(orgUnits).where(eq(orgUnits.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== version) throw staleVersion(before);
  await assertCodeFree(db, input.code, id);
  const subtree = like(orgUnits.path, `${likeEscape(before.path)}%`);

  if (input.parentId !== undefined && input.parentId !== before.parentId) {
    if (!before.parentId) throw new AppError('ORG_UNIT_CYCLE', 422);
    const parent = await activeParent(db, input.parentId);
    if (parent.path.startsWith(before.path)) throw new AppError('ORG_UNIT_CYCLE', 422);
    const newPath = `${parent.path}${id}/`;
    const depthDelta = parent.depth + 1 - before.depth;
    await db
      .update(orgUnits)
      .set({
        path: sql`${newPath} || substr(${orgUnits.path}, ${before.path.length + 1})`,
        depth: sql`${orgUnits.depth} + ${depthDelta}`,
      })
      .where(subtree);
  }
  if (input.active === false && before.active) {
    const [child] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, id), eq(orgUnits.active, true)))
      .limit(1);
    if (child) throw new AppError('ORG_UNIT_HAS_ACTIVE_CHILDREN', 422);
    const [member] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgUnitId, id), eq(users.active, true)))
      .limit(1);
    if (member) throw new AppError('ORG_UNIT_HAS_USERS', 422);
  }
  if (input.active === true && !before.active && before.parentId) await activeParent(db, before.parentId);

  const { parentId, ...rest } = input;
  const [after] = await db
    .update(orgUnits)
    .set({ ...rest, ...(parentId !== undefined ? { parentId } : {}), version: before.version + 1, updatedAt: new Date() })
    .where(eq(orgUnits.id, id))
    .returning();
  await recordAudit(db, actor, {
    recordType: 'orgUnit',
    recordId: id,
    action: 'update',
    changes: diffFields(before, after!, ['name', 'code', 'parentId', 'active']),
  });
  return after!;
}
