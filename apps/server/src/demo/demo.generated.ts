// Writes the generated part of the demo (generator/demo.generator.ts) after the hand-written customers: a few
// thousand customers with identifiers, contacts and activities, owned by the demo users of the branch their province
// belongs to, through the entity kit's bulk path (createRecords), so audit, search and reminders apply as to any
// record. Batches of rows in order, each in one transaction with an audit entry saying how far the demo got; the next
// start reads it and goes on from there, so a crash or a stop mid-way never leaves a half-written batch or a repeat.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/db.ts';
import { loadActor } from '../platform/access/actor.ts';
import { orgUnits, users } from '../platform/access/access.schema.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { recordAudit } from '../platform/audit/audit.service.ts';
import { createRecords, type CreateManyOptions } from '../platform/entities/entity.createMany.ts';
import { loadFields } from '../platform/entities/entity.read.ts';
import { entityRegistry } from '../platform/entities/registry.ts';
import type { EntityDescriptor } from '../platform/entities/descriptor.ts';
import type { Actor } from '../platform/http/context.ts';
import { contactEntity, customerEntities, customerEntity } from '../modules/customers/customers.entities.ts';
import { customerImportHooks } from '../modules/customers/customers.import.ts';
import { activityEntities, activityEntity } from '../modules/activities/activities.entities.ts';
import { generateCustomers, type GeneratedCustomer } from './generator/demo.generator.ts';
import { DEMO_CUSTOMER_NAMES } from './demo.customers.data.ts';

/** Seed of the demo every install gets; change it and every generated customer changes. */
export const DEMO_SEED = 2026;

/** Rows per transaction: large enough for the bulk path to pay off, small enough that requests get a turn on PGlite. */
const BATCH = 250;

/** The audit entries that record the generator's progress are about this record of type `demo`. */
const PROGRESS = { recordType: 'demo', recordId: '00000000-0000-7000-8000-00000000d3e0', action: 'generate' } as const;

/** Serialises batch writers of several servers starting on one database. */
const BATCH_LOCK_KEY = 4_231_103;

type Branch = 'EAST' | 'WEST' | 'SOUTH';
const provinces = (list: string, branch: Branch) => list.split(' ').map((p) => [p, branch] as const);

/** Which branch serves a province. */
const BRANCH_OF: Record<string, Branch> = Object.fromEntries([
  ...provinces(
    '北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 山东省 河南省',
    'EAST',
  ),
  ...provinces('湖北省 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区', 'WEST'),
  ...provinces('福建省 江西省 湖南省 广东省 广西壮族自治区 海南省', 'SOUTH'),
]);

/** The demo users of each branch and the org unit their customers go to, with their share of its customers. */
const OWNERS_OF: Record<Branch, readonly (readonly [username: string, unit: string, share: number])[]> = {
  EAST: [
    ['wangfang', 'EAST-S1', 0.6],
    ['lina', 'EAST', 0.4],
  ],
  WEST: [['liuyang', 'WEST-S1', 1]],
  SOUTH: [
    ['chenjing', 'SOUTH-CS', 0.55],
    ['zhangwei', 'SOUTH', 0.45],
  ],
};

/** The owner of a generated row, spread over its branch's users by the row number, so it is fixed too. */
function ownerOf(customer: GeneratedCustomer): { username: string; unit: string } {
  const owners = OWNERS_OF[BRANCH_OF[customer.customer.province] ?? 'EAST'];
  let point = ((customer.row * 2_654_435_761) >>> 0) / 2 ** 32;
  for (const [username, unit, share] of owners) if ((point -= share) < 0) return { username, unit };
  return { username: owners[0]![0], unit: owners[0]![1] };
}

export interface GeneratedDemoOptions {
  /** Generated customers wanted in all (those already written count). */
  count: number;
  seed?: number;
  /** "Today" for the generated dates; default now. */
  anchor?: number;
  /** Checked between batches: a stopping server ends the seeding after the batch in progress. */
  signal?: AbortSignal;
  onBatch?: (done: number, count: number) => void;
}

interface Writer {
  actors: Map<string, Actor>;
  owners: Map<string, { ownerId: string; orgUnitId: string }>;
  fields: Map<EntityDescriptor, Awaited<ReturnType<typeof loadFields>>>;
}

const registry = entityRegistry([...customerEntities, ...activityEntities]);

/** Rows of the stream already written: the furthest point any batch recorded. */
export async function generatedRowsWritten(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({ to: sql<number | null>`max((${auditLog.changes} -> 0 ->> 'new')::int)` })
    .from(auditLog)
    .where(and(eq(auditLog.recordType, PROGRESS.recordType), eq(auditLog.recordId, PROGRESS.recordId)));
  return Number(rows[0]?.to ?? 0);
}

/** createRecords for a demo batch, which must not lose a row: any refused row stops the batch (and rolls it back). */
async function createAll(
  db: DbOrTx,
  writer: Writer,
  username: string,
  descriptor: EntityDescriptor,
  bodies: Record<string, unknown>[],
  onInserted?: CreateManyOptions['onInserted'],
): Promise<string[]> {
  const ctx = { db, actor: writer.actors.get(username)!, registry, descriptor };
  const outcomes = await createRecords(ctx, bodies, { fields: writer.fields.get(descriptor)!, onInserted });
  return outcomes.map((o) => {
    if (!o.ok) throw new Error(`demo ${descriptor.name} refused`, { cause: o.error });
    return o.record.id;
  });
}

/** One owner's customers of a batch, then their contacts, then their activities, each type in one bulk write. */
async function writeOwnersCustomers(db: DbOrTx, writer: Writer, username: string, unit: string, rows: GeneratedCustomer[]) {
  const owner = writer.owners.get(`${username}@${unit}`)!;
  const actor = writer.actors.get(username)!;
  const customerIds = await createAll(
    db,
    writer,
    username,
    customerEntity,
    rows.map((r) => ({ ...r.customer, ...owner })),
    // Identifiers go in as an import's identifier columns do, so they are in the customers' search documents.
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
  const contactOwners = rows.flatMap((r, n) => r.contacts.map((c) => ({ ...c, customerId: customerIds[n]!, ...owner })));
  const contactIds = await createAll(db, writer, username, contactEntity, contactOwners);
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
        ...owner,
      });
    firstContact += r.contacts.length;
  });
  await createAll(db, writer, username, activityEntity, activities);
}

/** The demo users and units the generated customers go to; null when an administrator removed one of them. */
async function prepareWriter(db: Db): Promise<Writer | null> {
  const usernames = [...new Set(Object.values(OWNERS_OF).flatMap((list) => list.map(([username]) => username)))];
  const userRows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  if (userRows.length < usernames.length) return null;
  const unitIds = new Map((await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.code, u.id]));
  // Loaded before the first batch: on PGlite the batch's transaction holds the only connection.
  const actors = new Map<string, Actor>();
  for (const { id, username } of userRows)
    actors.set(username, (await loadActor(db, id, { source: 'import', requestId: null, via: 'system' }))!);
  const owners = new Map<string, { ownerId: string; orgUnitId: string }>();
  for (const [username, unit] of Object.values(OWNERS_OF).flat())
    if (actors.get(username) && unitIds.get(unit))
      owners.set(`${username}@${unit}`, { ownerId: actors.get(username)!.userId, orgUnitId: unitIds.get(unit)! });
  if (owners.size < Object.values(OWNERS_OF).flat().length) return null;
  const fields = new Map<EntityDescriptor, Awaited<ReturnType<typeof loadFields>>>();
  for (const d of [customerEntity, contactEntity, activityEntity]) fields.set(d, await loadFields(db, d));
  return { actors, owners, fields };
}

/**
 * Writes generated customers up to `count` in all, going on from the rows earlier runs wrote. Answers how many this
 * call wrote (0 when the demo is complete). Needs the demo users and org units of demo.seed.ts.
 */
export async function seedGeneratedCustomers(db: Db, options: GeneratedDemoOptions): Promise<number> {
  const from = await generatedRowsWritten(db);
  if (from >= options.count) return 0;
  const writer = await prepareWriter(db);
  if (!writer) return 0;
  const stream = generateCustomers({
    seed: options.seed ?? DEMO_SEED,
    anchor: options.anchor ?? Date.now(),
    count: options.count,
    from,
    reservedNames: DEMO_CUSTOMER_NAMES,
  });
  let written = 0;
  let batch: GeneratedCustomer[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    const [first, last] = [rows[0]!.row, rows[rows.length - 1]!.row + 1];
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${BATCH_LOCK_KEY})`);
      // Another server on the same database may have written these rows meanwhile.
      if ((await generatedRowsWritten(tx)) >= last) return;
      const byOwner = new Map<string, GeneratedCustomer[]>();
      for (const r of rows) {
        const { username, unit } = ownerOf(r);
        const key = `${username}@${unit}`;
        byOwner.set(key, [...(byOwner.get(key) ?? []), r]);
      }
      for (const [key, ofOwner] of byOwner) {
        const [username, unit] = key.split('@') as [string, string];
        await writeOwnersCustomers(tx, writer, username, unit, ofOwner);
      }
      await recordAudit(tx, null, { ...PROGRESS, changes: [{ field: 'rows', old: first, new: last }] });
      written += rows.length;
    });
    options.onBatch?.(last, options.count);
  };
  for (const generated of stream) {
    batch.push(generated);
    if (batch.length === BATCH) {
      await flush();
      if (options.signal?.aborted) return written;
    }
  }
  if (batch.length) await flush();
  return written;
}

/** The demo's size in customers (GUANXI_DEMO_CUSTOMERS): the hand-written ones, then generated ones up to it. */
export const generatedCount = (demoCustomers: number): number => Math.max(0, demoCustomers - DEMO_CUSTOMER_NAMES.length);

interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Fills the demo up to `demoCustomers` in the background, after the server listens (the hand-written customers the
 * demo users start with are there already). `stop` lets the batch in progress commit and waits for it.
 */
export function fillDemoInBackground(db: Db, demoCustomers: number, log: Logger): { stop(): Promise<void> } {
  const controller = new AbortController();
  const count = generatedCount(demoCustomers);
  const started = Date.now();
  const running = seedGeneratedCustomers(db, {
    count,
    signal: controller.signal,
    onBatch: (done) => log.info({ done, count }, 'demo: generated customers written'),
  }).then(
    (written) => {
      if (written) log.info({ written, seconds: (Date.now() - started) / 1000 }, 'demo: generated customers ready');
    },
    (err: unknown) => log.error({ err }, 'demo: generating customers failed; the next start goes on from the last batch'),
  );
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}
