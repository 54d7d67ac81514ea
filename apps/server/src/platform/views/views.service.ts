// Saved list views: a user's own views plus those shared with their org unit or a unit above it. The
// definition is checked against the record type's fields with the kit's own list parser.
import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSavedViewSchema, SavedView, SavedViewDefinition, updateSavedViewSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError, staleVersion } from '../http/errors.ts';
import { orgUnits, users } from '../access/access.schema.ts';
import { hasAnyScope } from '../access/recordAccess.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { loadFields } from '../entities/entity.read.ts';
import { parseListQuery } from '../entities/query.ts';
import { savedViewDefaults, savedViews } from './views.schema.ts';

const invalid = (field: string, code = 'invalid_option') =>
  new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);

function readableType(actor: Actor, registry: EntityRegistry, recordType: string) {
  const descriptor = registry.get(recordType);
  if (!descriptor || !hasAnyScope(actor, recordType, 'read')) throw invalid('recordType');
  return descriptor;
}

/** Same rules as a list request: unknown fields, operators or values answer 400. */
async function checkDefinition(
  db: DbOrTx,
  registry: EntityRegistry,
  recordType: string,
  definition: SavedViewDefinition,
): Promise<void> {
  const descriptor = registry.get(recordType)!;
  const fields = await loadFields(db, descriptor);
  parseListQuery(
    { ...definition.filters, ...(definition.sort ? { sort: definition.sort } : {}) },
    fields,
    descriptor.defaultSort,
  );
  const unknown = definition.columns.find((c) => !fields.has(c));
  if (unknown) throw invalid('definition.columns', 'UNKNOWN_FIELD');
}

/** A view may be shared with the sharer's own unit or a unit below it; administrators share anywhere. */
async function checkShareTarget(db: DbOrTx, actor: Actor, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  const [unit] = await db.select({ path: orgUnits.path, active: orgUnits.active }).from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!unit) throw invalid('sharedOrgUnitId', 'not_found_reference');
  if (!unit.active) throw invalid('sharedOrgUnitId', 'ORG_UNIT_INACTIVE');
  if (!actor.isAdmin && !unit.path.startsWith(actor.orgUnitPath)) throw new AppError('SCOPE_VIOLATION', 403);
}

/** Own views, and views shared with the actor's unit or any unit above it. */
const visibleTo = (actor: Actor) =>
  or(
    eq(savedViews.ownerId, actor.userId),
    and(
      isNotNull(savedViews.sharedOrgUnitId),
      // Paths hold only UUIDs and slashes, so they need no LIKE escaping.
      sql`${actor.orgUnitPath} LIKE (SELECT ${orgUnits.path} || '%' FROM ${orgUnits} WHERE ${orgUnits.id} = ${savedViews.sharedOrgUnitId})`,
    ),
  );

export async function findSavedViews(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  recordType: string,
  id?: string,
): Promise<SavedView[]> {
  readableType(actor, registry, recordType);
  const rows = await db
    .select({
      view: savedViews,
      ownerName: users.displayName,
      defaultId: savedViewDefaults.viewId,
    })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .leftJoin(
      savedViewDefaults,
      and(eq(savedViewDefaults.userId, actor.userId), eq(savedViewDefaults.recordType, savedViews.recordType)),
    )
    .where(and(eq(savedViews.recordType, recordType), visibleTo(actor), id ? eq(savedViews.id, id) : undefined))
    .orderBy(asc(savedViews.name));
  return rows.map(({ view, ownerName, defaultId }) => ({
    id: view.id,
    recordType: view.recordType,
    name: view.name,
    ownerId: view.ownerId,
    ownerName,
    sharedOrgUnitId: view.sharedOrgUnitId,
    definition: view.definition,
    isDefault: defaultId === view.id,
    editable: view.ownerId === actor.userId || actor.isAdmin,
    version: view.version,
  }));
}

async function findVisible(db: DbOrTx, actor: Actor, registry: EntityRegistry, id: string): Promise<SavedView> {
  const [row] = await db.select({ recordType: savedViews.recordType }).from(savedViews).where(eq(savedViews.id, id));
  const view =
    row && registry.get(row.recordType) ? (await findSavedViews(db, actor, registry, row.recordType, id))[0] : undefined;
  if (!view) throw new AppError('NOT_FOUND', 404);
  return view;
}

export async function setDefaultView(db: DbOrTx, actor: Actor, registry: EntityRegistry, id: string): Promise<void> {
  const view = await findVisible(db, actor, registry, id);
  await db
    .insert(savedViewDefaults)
    .values({ userId: actor.userId, recordType: view.recordType, viewId: id })
    .onConflictDoUpdate({ target: [savedViewDefaults.userId, savedViewDefaults.recordType], set: { viewId: id } });
}

export async function clearDefaultView(db: DbOrTx, actor: Actor, registry: EntityRegistry, id: string): Promise<void> {
  await findVisible(db, actor, registry, id);
  await db.delete(savedViewDefaults).where(and(eq(savedViewDefaults.userId, actor.userId), eq(savedViewDefaults.viewId, id)));
}

export async function createSavedView(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  input: z.infer<typeof createSavedViewSchema>,
): Promise<SavedView> {
  readableType(actor, registry, input.recordType);
  await checkDefinition(db, registry, input.recordType, input.definition);
  await checkShareTarget(db, actor, input.sharedOrgUnitId);
  const [row] = await db
    .insert(savedViews)
    .values({
      recordType: input.recordType,
      name: input.name,
      ownerId: actor.userId,
      sharedOrgUnitId: input.sharedOrgUnitId,
      definition: input.definition,
    })
    .returning({ id: savedViews.id });
  if (input.makeDefault) await setDefaultView(db, actor, registry, row!.id);
  return findVisible(db, actor, registry, row!.id);
}

async function findEditable(db: DbOrTx, actor: Actor, registry: EntityRegistry, id: string, version: number): Promise<SavedView> {
  const view = await findVisible(db, actor, registry, id);
  if (!view.editable) throw new AppError('FORBIDDEN', 403);
  if (view.version !== version) throw staleVersion(view);
  return view;
}

export async function updateSavedView(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  id: string,
  version: number,
  input: z.infer<typeof updateSavedViewSchema>,
): Promise<SavedView> {
  const view = await findEditable(db, actor, registry, id, version);
  if (input.definition) await checkDefinition(db, registry, view.recordType, input.definition);
  if (input.sharedOrgUnitId !== undefined) await checkShareTarget(db, actor, input.sharedOrgUnitId);
  await db
    .update(savedViews)
    .set({ ...input, version: view.version + 1, updatedAt: new Date() })
    .where(and(eq(savedViews.id, id), eq(savedViews.version, version)));
  return findVisible(db, actor, registry, id);
}

export async function deleteSavedView(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  id: string,
  version: number,
): Promise<void> {
  await findEditable(db, actor, registry, id, version);
  await db.delete(savedViews).where(eq(savedViews.id, id));
}
