// The contract jobs with a fixed "today": expiry of active contracts past their end date, and the renewal reminder —
// sent once (a second run, as after a restart, sends nothing), in the owner's language, at the contract's own lead
// time or the settings' default, again after the end date moves, and never for a renewal's fresh contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../../platform/access/access.schema.ts';
import { notifications } from '../../../platform/events/events.schema.ts';
import { commerceSettings } from '../commerce.schema.ts';
import { expireContracts, sendRenewalReminders } from './contracts.jobs.ts';
import { buildContractWorld, createContract, type ContractWorld } from './contracts.testSetup.ts';

describe('contract jobs', () => {
  let w: ContractWorld;
  beforeAll(async () => {
    w = await buildContractWorld();
  });
  afterAll(async () => w?.t.close());

  const remind = (today: string) => sendRenewalReminders(w.t.db, w.t.app.events, today);
  const notificationsOf = (userId: string) =>
    w.t.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt);
  const get = async (id: string) => (await w.rep.client.get(`/api/v1/contracts/${id}`)).json();

  it('expires active contracts whose end date has passed, with an entry in their history', async () => {
    const ended = await createContract(w.rep.client, {
      customerId: w.customerId,
      status: 'active',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    const lastDay = await createContract(w.rep.client, {
      customerId: w.customerId,
      status: 'active',
      startDate: '2025-01-02',
      endDate: '2026-01-01',
    });
    const draft = await createContract(w.rep.client, {
      customerId: w.customerId,
      startDate: '2025-01-01',
      endDate: '2025-06-30',
    });
    expect(await expireContracts(w.t.db, '2026-01-01')).toBe(1);
    expect((await get(ended.id)).status).toBe('expired');
    expect((await get(lastDay.id)).status).toBe('active');
    expect((await get(draft.id)).status).toBe('draft');
    const history = (await w.rep.client.get(`/api/v1/contracts/${ended.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'update',
      source: 'job',
      changes: [{ field: 'status', old: 'active', new: 'expired' }],
    });
    expect(await expireContracts(w.t.db, '2026-01-01')).toBe(0);
  });

  it('reminds the owner once when the end date is within the default lead time, linking to the contract', async () => {
    await w.t.db.update(commerceSettings).set({ contractRenewalDays: 30 });
    const contract = await createContract(w.rep.client, {
      name: '邮政快递年度服务合同',
      customerId: w.customerId,
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const before = (await notificationsOf(w.rep.id)).length;
    expect(await remind('2026-11-30')).toBe(0);
    expect(await remind('2026-12-01')).toBe(1);
    const sent = (await notificationsOf(w.rep.id)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'contract.renewalDue',
      title: `合同续签提醒：${contract.number} 邮政快递年度服务合同将于 2026-12-31 到期`,
      body: '客户：北京东区邮政服务有限公司；还有 30 天到期。',
      link: `/contracts/${contract.id}`,
    });
    expect((await get(contract.id)).renewalRemindedAt).not.toBeNull();
    // Again the same day (a restart) and the next day: nothing more.
    expect(await remind('2026-12-01')).toBe(0);
    expect(await remind('2026-12-02')).toBe(0);
    expect(await notificationsOf(w.rep.id)).toHaveLength(before + 1);

    // The renewal starts unreminded, and the old contract's reminder does not come back.
    const renewal = (await w.rep.client.post(`/api/v1/contracts/${contract.id}/renew`)).json();
    expect(renewal.renewalRemindedAt).toBeNull();
    await w.rep.client.patch(`/api/v1/contracts/${renewal.id}`, { status: 'active' }, { 'if-match': '1' });
    expect(await remind('2026-12-05')).toBe(0);
    expect(await remind('2027-12-01')).toBe(1);
  });

  it('uses the contract’s own lead time, the owner’s language, and reminds again after the end date moves', async () => {
    await w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.colleague.id));
    const contract = await createContract(w.colleague.client, {
      customerId: w.otherCustomerId,
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      renewalReminderDays: 60,
    });
    const before = (await notificationsOf(w.colleague.id)).length;
    expect(await remind('2026-04-30')).toBe(0);
    expect(await remind('2026-05-01')).toBe(1);
    const [sent] = (await notificationsOf(w.colleague.id)).slice(before);
    // Without a name of its own the contract is called by its number, once.
    expect(sent!.title).toBe(`Contract renewal reminder: ${contract.number} ends on 2026-06-30`);
    expect(sent!.body).toBe('Customer: 上海博文图书进出口有限公司; 60 days left.');

    const stamped = await get(contract.id);
    const moved = await w.colleague.client.patch(
      `/api/v1/contracts/${contract.id}`,
      { endDate: '2026-09-30' },
      { 'if-match': String(stamped.version) },
    );
    expect(moved.json().renewalRemindedAt).toBeNull();
    expect(await remind('2026-05-02')).toBe(0);
    expect(await remind('2026-08-01')).toBe(1);
    // A contract that has already ended is left to the expiry job.
    const late = await createContract(w.colleague.client, {
      customerId: w.otherCustomerId,
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-02-28',
    });
    expect(await remind('2026-03-01')).toBe(0);
    expect((await get(late.id)).renewalRemindedAt).toBeNull();
  });
});
