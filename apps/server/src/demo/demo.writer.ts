// Writes demo customers — hand-written or generated — with their identifiers, contacts and activities through the
// entity kit's bulk path (createRecords), as their owners: one bulk write per record type and owner, so the audit
// history, search index, hooks and reminders apply exactly as to records typed in by hand, at a fraction of the
// queries of writing them one by one.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db.ts';
import { loadActor } from '../platform/access/actor.ts';
import { orgUnits, users } from '../platform/access/access.schema.ts';
import { createRecords, type CreateManyOptions } from '../platform/entities/entity.createMany.ts';
import { loadFields } from '../platform/entities/entity.read.ts';
import { entityRegistry } from '../platform/entities/registry.ts';
import type { EntityDescriptor } from '../platform/entities/descriptor.ts';
import type { Actor } from '../platform/http/context.ts';
import { contactEntity, customerEntities, customerEntity } from '../modules/customers/customers.entities.ts';
import { customerImportHooks } from '../modules/customers/customers.import.ts';
import { activityEntities, activityEntity } from '../modules/activities/activities.entities.ts';
import type { GeneratedActivity } from './generator/demo.generator.activities.ts';

/** A customer as the demo writes it: its fields, identifiers, contacts, and activities (which may name a contact by index). */
export interface DemoCustomer {
  customer: Record<string, unknown>;
  identifiers: { type: string; value: string }[];
  contacts: Record<string, unknown>[];
  activities: GeneratedActivity[];
}

/** The demo users who own customers and the org unit their customers go to (the head office manager serves 南区). */
export const DEMO_OWNERS = ['wangfang@EAST-S1', 'lina@EAST', 'liuyang@WEST-S1', 'chenjing@SOUTH-CS', 'zhangwei@SOUTH'] as const;
export type DemoOwner = (typeof DEMO_OWNERS)[number];

export interface DemoWriter {
  actors: Map<string, Actor>;
  owners: Map<string, { ownerId: string; orgUnitId: string }>;
  fields: Map<EntityDescriptor, Awaited<ReturnType<typeof loadFields>>>;
}

const registry = entityRegistry([...customerEntities, ...activityEntities]);

/**
 * The demo owners' actors, ids and units, and the record types' fields, read once. Call it before a batch's
 * transaction or with it: on PGlite a transaction holds the only connection. Null when an administrator removed one.
 */
export async function prepareDemoWriter(db: DbOrTx): Promise<DemoWriter | null> {
  const pairs = DEMO_OWNERS.map((o) => o.split('@') as [string, string]);
  const userRows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        users.username,
        pairs.map(([u]) => u),
      ),
    );
  const unitIds = new Map((await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.code, u.id]));
  const actors = new Map<string, Actor>();
  for (const { id, username } of userRows) {
    const actor = await loadActor(db, id, { source: 'import', requestId: null, via: 'system' });
    if (actor) actors.set(username, actor);
  }
  const owners = new Map<string, { ownerId: string; orgUnitId: string }>();
  for (const [username, unit] of pairs) {
    const actor = actors.get(username);
    const orgUnitId = unitIds.get(unit);
    if (!actor || !orgUnitId) return null;
    owners.set(`${username}@${unit}`, { ownerId: actor.userId, orgUnitId });
  }
  const fields = new Map<EntityDescriptor, Awaited<ReturnType<typeof loadFields>>>();
  for (const d of [customerEntity, contactEntity, activityEntity]) fields.set(d, await loadFields(db, d));
  return { actors, owners, fields };
}

/** createRecords for demo rows, which must not lose one: a refused row stops the write (and its transaction). */
async function createAll(
  db: DbOrTx,
  writer: DemoWriter,
  actor: Actor,
  descriptor: EntityDescriptor,
  bodies: Record<string, unknown>[],
  onInserted?: CreateManyOptions['onInserted'],
): Promise<string[]> {
  if (!bodies.length) return [];
  const ctx = { db, actor, registry, descriptor };
  const outcomes = await createRecords(ctx, bodies, { fields: writer.fields.get(descriptor)!, onInserted });
  return outcomes.map((o) => {
    if (!o.ok) throw new Error(`a demo ${descriptor.name} was refused`, { cause: o.error });
    return o.record.id;
  });
}

/** One owner's customers, then their contacts, then their activities, each record type in one bulk write. */
async function writeOwnersCustomers(db: DbOrTx, writer: DemoWriter, owner: DemoOwner, rows: DemoCustomer[]) {
  const ownership = writer.owners.get(owner)!;
  const actor = writer.actors.get(owner.split('@')[0]!)!;
  const customerIds = await createAll(
    db,
    writer,
    actor,
    customerEntity,
    rows.map((r) => ({ ...r.customer, ...ownership })),
    // Identifiers go in as an import's identifier columns do: in the customers' history and search documents.
    async (inserted) => {
      const extras = inserted.map(({ index, row }) => ({
        body: {},
        extras: Object.fromEntries(rows[index]!.identifiers.map((i) => [`identifier.${i.type}`, i.value])),
        recordId: row.id as string,
      }));
      const changes = await customerImportHooks.writeExtras!(db, actor, extras, { created: true });
      return new Map(inserted.map(({ index, row }) => [index, changes.get(row.id as string) ?? []]));
    },
  );
  const contacts = rows.flatMap((r, n) => r.contacts.map((c) => ({ ...c, customerId: customerIds[n]!, ...ownership })));
  const contactIds = await createAll(db, writer, actor, contactEntity, contacts);
  const activities: Record<string, unknown>[] = [];
  let firstContact = 0;
  rows.forEach((r, n) => {
    for (const a of r.activities)
      activities.push({
        kind: a.kind,
        subject: a.subject,
        customerId: customerIds[n],
        ...(a.contact !== undefined ? { contactId: contactIds[firstContact + a.contact] } : {}),
        ...a.values,
        ...ownership,
      });
    firstContact += r.contacts.length;
  });
  await createAll(db, writer, actor, activityEntity, activities);
}

/** Writes demo customers grouped by owner; run it inside a transaction so all of them commit together. */
export async function writeDemoCustomers(
  db: DbOrTx,
  writer: DemoWriter,
  rows: { owner: DemoOwner; customer: DemoCustomer }[],
): Promise<void> {
  const byOwner = new Map<DemoOwner, DemoCustomer[]>();
  for (const { owner, customer } of rows) byOwner.set(owner, [...(byOwner.get(owner) ?? []), customer]);
  for (const [owner, ofOwner] of byOwner) await writeOwnersCustomers(db, writer, owner, ofOwner);
}
