import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/harness/testDatabase.ts';
import type { Database } from '../platform/db/db.ts';
import { ensureAdministrator } from '../modules/admin/admin.bootstrap.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { searchDocuments } from '../platform/search/search.schema.ts';
import { jobs } from '../platform/jobs/jobs.schema.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import { activities } from '../modules/activities/activities.schema.ts';
import { REMINDER_JOB } from '../modules/activities/activities.reminders.ts';
import { seedDemoData } from './demo.seed.ts';

describe('demo activities', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 180_000);
  afterAll(async () => database?.close());

  it('give every demo customer activities of every kind, owned like the customer, with reminders to come', async () => {
    const db = database.db;
    const perKind = await db.select({ kind: activities.kind, n: count() }).from(activities).groupBy(activities.kind);
    expect(perKind.map((r) => r.kind).sort()).toEqual(['call', 'meeting', 'note', 'task', 'visit']);
    const orphans = await db.execute(sql`
      SELECT c.id FROM ${customers} c WHERE NOT EXISTS (SELECT 1 FROM ${activities} a WHERE a.customer_id = c.id)`);
    expect(orphans.rows).toEqual([]);
    const [{ n: strangers }] = (await db
      .select({ n: count() })
      .from(activities)
      .innerJoin(customers, eq(customers.id, activities.customerId))
      .where(sql`${activities.ownerId} <> ${customers.ownerId}`)) as [{ n: number }];
    expect(strangers).toBe(0);
    const [{ n: reminders }] = (await db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.name, REMINDER_JOB), eq(jobs.status, 'queued'), gt(jobs.runAt, new Date())))) as [{ n: number }];
    expect(reminders).toBeGreaterThanOrEqual(10);
  });

  it('went through the kit: audited and in the search index', async () => {
    const db = database.db;
    const [{ n: total }] = (await db.select({ n: count() }).from(activities)) as [{ n: number }];
    const [{ n: audited }] = (await db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.recordType} = 'activity' AND ${auditLog.action} = 'create'`)) as [{ n: number }];
    const [{ n: indexed }] = (await db
      .select({ n: count() })
      .from(searchDocuments)
      .where(eq(searchDocuments.recordType, 'activity'))) as [{ n: number }];
    expect([audited, indexed]).toEqual([total, total]);
  });
});
