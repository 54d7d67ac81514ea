// Rules of activities that the entity kit calls as hooks: only the fields of the activity's kind, defaults per kind,
// a contact of the activity's own customer, a related record that exists and is readable, the owner of the customer
// by default, and the reminder kept in step with every write; and the move of a customer's activities in a merge.
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ErrorDetail } from '@guanxi/contracts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { EntityHooks, HookContext } from '../../platform/entities/descriptor.ts';
import { isReadable } from '../../platform/entities/entity.read.ts';
import { customerOfContact } from '../customers/customers.service.ts';
import { FIELDS_OF_KIND, STATUSES_OF_KIND, type ActivityKind } from './activities.options.ts';
import { syncReminder } from './activities.reminders.ts';
import { activities } from './activities.schema.ts';

type Row = Record<string, unknown>;

const KIND_SPECIFIC_FIELDS = [...new Set(Object.values(FIELDS_OF_KIND).flat())];

const detail = (field: string, code: string): ErrorDetail => ({ field, code, message: code });
const isSet = (value: unknown) => value !== undefined && value !== null;
const time = (value: unknown) => (value instanceof Date ? value.getTime() : null);

/** When an activity happened or is to happen, as far as its own fields say; null when they say nothing. */
function derivedOccurredAt(activity: Row): Date | null {
  const pick = (...names: string[]) => names.map((n) => activity[n]).find((v): v is Date => v instanceof Date) ?? null;
  if (activity.kind === 'meeting') return pick('startsAt');
  if (activity.kind === 'visit') return pick('checkInAt', 'plannedAt');
  return null;
}

/** Values a new activity of its kind starts with when the caller leaves them out. */
function applyDefaults(activity: Row): void {
  if (activity.kind === 'visit') activity.status ??= isSet(activity.checkInAt) ? 'done' : 'planned';
  if (activity.kind === 'task') {
    activity.status ??= 'open';
    activity.priority ??= 'normal';
    activity.assigneeId ??= activity.ownerId;
  }
}

/** Fields of another kind, a status of another kind, an incomplete place or time span: one detail per problem. */
function kindProblems(activity: Row): ErrorDetail[] {
  const kind = activity.kind as ActivityKind;
  const own = new Set(FIELDS_OF_KIND[kind]);
  const problems = KIND_SPECIFIC_FIELDS.filter((f) => !own.has(f) && isSet(activity[f])).map((f) =>
    detail(f, 'FIELD_NOT_FOR_KIND'),
  );
  const statuses = STATUSES_OF_KIND[kind];
  if (statuses && isSet(activity.status) && !statuses.includes(activity.status as string))
    problems.push(detail('status', 'STATUS_NOT_FOR_KIND'));
  if (kind === 'meeting') {
    if (!isSet(activity.startsAt)) problems.push(detail('startsAt', 'required'));
    const starts = time(activity.startsAt);
    const ends = time(activity.endsAt);
    if (starts !== null && ends !== null && ends <= starts) problems.push(detail('endsAt', 'ENDS_BEFORE_START'));
  }
  if (kind === 'visit' && isSet(activity.checkInLatitude) !== isSet(activity.checkInLongitude))
    problems.push(detail(isSet(activity.checkInLatitude) ? 'checkInLongitude' : 'checkInLatitude', 'COORDINATES_INCOMPLETE'));
  return problems;
}

/** The contact must be one of the activity's customer; the related record a readable record of a known type. */
async function linkProblems(ctx: HookContext, activity: Row, changed: (field: string) => boolean): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (isSet(activity.contactId) && (changed('contactId') || changed('customerId'))) {
    if ((await customerOfContact(ctx.db, activity.contactId as string)) !== activity.customerId)
      problems.push(detail('contactId', 'CONTACT_NOT_OF_CUSTOMER'));
  }
  if (changed('relatedType') || changed('relatedId')) {
    const { relatedType, relatedId } = activity;
    if (isSet(relatedType) !== isSet(relatedId))
      problems.push(detail(isSet(relatedType) ? 'relatedId' : 'relatedType', 'RELATED_RECORD_INCOMPLETE'));
    else if (isSet(relatedType)) {
      const target = ctx.registry.get(relatedType as string);
      if (!target) problems.push(detail('relatedType', 'UNKNOWN_RECORD_TYPE'));
      else if (!(await isReadable(ctx.db, ctx.actor, target, relatedId as string)))
        problems.push(detail('relatedId', 'not_found_reference'));
    }
  }
  return problems;
}

function throwIfAny(problems: ErrorDetail[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', 400, problems);
}

/** Owner and org unit of the customer, read through the customer's record type. */
async function ownerOfCustomer({ db, registry }: HookContext, customerId: string) {
  const customer = registry.get('customer');
  if (!customer) return undefined;
  const t = customer.table;
  const [row] = await db
    .select({ ownerId: t.ownerId, orgUnitId: t.orgUnitId })
    .from(t as PgTable)
    .where(eq(t.id, customerId));
  return row as { ownerId: string; orgUnitId: string } | undefined;
}

export const activityHooks: EntityHooks = {
  async defaultOwner(ctx, values) {
    return typeof values.customerId === 'string' ? ownerOfCustomer(ctx, values.customerId) : undefined;
  },
  async beforeCreate(ctx, values) {
    applyDefaults(values);
    throwIfAny([...kindProblems(values), ...(await linkProblems(ctx, values, (f) => isSet(values[f])))]);
    values.occurredAt ??= derivedOccurredAt(values) ?? new Date();
  },
  async beforeUpdate(ctx, before, changes) {
    const after = { ...before, ...changes };
    applyDefaults(after);
    for (const field of ['status', 'priority', 'assigneeId'])
      if (after[field] !== before[field] && !(field in changes)) changes[field] = after[field];
    throwIfAny([...kindProblems(after), ...(await linkProblems(ctx, after, (f) => f in changes))]);
    // An activity that was placed on the timeline by its own times moves with them, unless the caller places it.
    const derivedBefore = derivedOccurredAt(before);
    const derivedAfter = derivedOccurredAt(after);
    if (!('occurredAt' in changes) && derivedAfter && time(derivedBefore) === time(before.occurredAt))
      changes.occurredAt = derivedAfter;
  },
  async afterWrite({ db }, record) {
    await syncReminder(db, record);
  },
};

/**
 * Moves every activity of one customer to another, for a merge of the two: those held by the customer, and those
 * linking it as their related record. Each moved activity keeps its history and gets an audit entry of the move. The
 * caller has checked access to both customers and moves their contacts too. Answers how many activities moved.
 */
export async function moveCustomerActivities(
  db: DbOrTx,
  actor: Actor,
  fromCustomerId: string,
  toCustomerId: string,
): Promise<number> {
  const moved = new Map<string, { field: string; old: string; new: string }[]>();
  const bump = { version: sql`${activities.version} + 1`, updatedAt: new Date(), updatedBy: actor.userId };
  const held = await db
    .update(activities)
    .set({ customerId: toCustomerId, ...bump })
    .where(eq(activities.customerId, fromCustomerId))
    .returning({ id: activities.id });
  for (const { id } of held) moved.set(id, [{ field: 'customerId', old: fromCustomerId, new: toCustomerId }]);
  const linked = await db
    .update(activities)
    .set({ relatedId: toCustomerId, ...bump })
    .where(and(eq(activities.relatedType, 'customer'), eq(activities.relatedId, fromCustomerId)))
    .returning({ id: activities.id });
  for (const { id } of linked)
    moved.set(id, [...(moved.get(id) ?? []), { field: 'relatedId', old: fromCustomerId, new: toCustomerId }]);
  for (const [id, changes] of moved)
    await recordAudit(db, actor, { recordType: 'activity', recordId: id, action: 'merge', changes });
  return moved.size;
}
