// The demo contracts: four, written through the kit as their owners; 王芳's service contract ends within 30 days and
// the reminder job tells her on the first run; 李娜's expired subscription contract is renewed by a draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/harness/testDatabase.ts';
import type { Database } from '../../../platform/db/db.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { notifications } from '../../../platform/events/events.schema.ts';
import { EventBus } from '../../../platform/events/bus.ts';
import { ensureAdministrator } from '../../admin/admin.bootstrap.ts';
import { seedDemoData } from '../../../demo/demo.seed.ts';
import { addDays, organisationTimeZone, todayIn } from './contracts.dates.ts';
import { sendRenewalReminders } from './contracts.jobs.ts';
import { contracts } from './contracts.schema.ts';

describe('demo contracts', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('seeds four contracts, one ending within 30 days whose owner is reminded, and a renewal', async () => {
    const today = todayIn(organisationTimeZone());
    const rows = await database.db.select().from(contracts).orderBy(contracts.number);
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['邮政快递年度服务合同', 'active'],
      ['进口图书采购框架合同', 'active'],
      ['报刊年度订阅合同', 'renewed'],
      ['报刊年度订阅合同', 'draft'],
    ]);
    expect(rows[0]!.endDate).toBe(addDays(today, 20));
    expect(rows[3]!.renewedFromId).toBe(rows[2]!.id);
    expect(rows[3]!.startDate).toBe(addDays(rows[2]!.endDate!, 1));

    expect(await sendRenewalReminders(database.db, new EventBus(), today)).toBe(1);
    const [wangfang] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'wangfang'));
    const sent = await database.db.select().from(notifications).where(eq(notifications.userId, wangfang!.id));
    expect(sent.map((n) => n.title)).toContain(
      `合同续签提醒：${rows[0]!.number} 邮政快递年度服务合同将于 ${addDays(today, 20)} 到期`,
    );
  });
});
