// The activities table: calls, visits, meetings, tasks and notes in one table with a `kind`; the columns of one kind
// stay empty on the others (activities.kinds.ts says which belong to which).
import { sql } from 'drizzle-orm';
import { index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.ts';
import { contacts, customers } from '../customers/customers.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** When it happened or is to happen: the activity's place on the customer's timeline. */
    occurredAt: at('occurred_at').notNull().defaultNow(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    /** Any other record the activity is about (an opportunity, an order): its type's name and id. */
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    // Visits and tasks share `status`; its allowed values depend on the kind.
    status: text('status'),
    // call
    direction: text('direction'),
    durationSeconds: integer('duration_seconds'),
    outcome: text('outcome'),
    // visit
    plannedAt: at('planned_at'),
    checkInAt: at('check_in_at'),
    checkInLatitude: numeric('check_in_latitude', { precision: 9, scale: 6 }),
    checkInLongitude: numeric('check_in_longitude', { precision: 9, scale: 6 }),
    checkInAddress: text('check_in_address'),
    purpose: text('purpose'),
    result: text('result'),
    // meeting
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    location: text('location'),
    // task
    assigneeId: uuid('assignee_id'),
    dueAt: at('due_at'),
    priority: text('priority'),
    // task and visit
    remindAt: at('remind_at'),
    // note
    body: text('body'),
  },
  (t) => [
    index('activities_customer_idx').on(t.customerId, t.occurredAt, t.id),
    index('activities_contact_idx').on(t.contactId, t.occurredAt, t.id),
    index('activities_related_idx').on(t.relatedType, t.relatedId),
    index('activities_org_unit_idx').on(t.orgUnitId),
    index('activities_owner_idx').on(t.ownerId),
    index('activities_created_idx').on(t.createdAt, t.id),
    index('activities_open_tasks_idx')
      .on(t.assigneeId, t.dueAt)
      .where(sql`${t.kind} = 'task' AND ${t.deletedAt} IS NULL`),
  ],
);
