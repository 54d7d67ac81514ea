// The dunning job: overdue open instalments get a notice and their order's owner a notification in the owner's
// language; a second run the same day sends nothing, the next one only after the interval; paid and not yet due
// instalments never. And the customer's letter renders in Chinese with 大写金额.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../../platform/access/access.schema.ts';
import { notifications } from '../../../platform/events/events.schema.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { commerceSettings } from '../commerce.schema.ts';
import { addDays } from './receivables.dates.ts';
import { DUNNING_JOB, runDunning } from './receivables.dunning.ts';
import { renderDunningEmail } from './receivables.dunningEmail.ts';
import { dunningNotices, instalments } from './receivables.schema.ts';
import { buildOrder, buildReceivablesWorld, newCustomer, pay, savePlan, type ReceivablesWorld } from './receivables.testSetup.ts';

let w: ReceivablesWorld;
let today: string;
let order: { id: string; number: string };
let westOrder: { id: string; number: string };
const DAY = 86_400_000;

beforeAll(async () => {
  w = await buildReceivablesWorld();
  today = todayIn(w.t.config.timeZone);
  await w.t.db
    .insert(commerceSettings)
    .values({ id: 1, dunningIntervalDays: 7 })
    .onConflictDoUpdate({
      target: commerceSettings.id,
      set: { dunningIntervalDays: 7 },
    });
  await w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.westRep.id));
  const customer = await newCustomer(w.rep);
  order = await buildOrder(w, w.rep, customer.id, '22345.67');
  await savePlan(w.rep, order.id, [
    [addDays(today, -40), '1000.00'], // paid in full below: never reminded
    [addDays(today, -35), '12345.67'], // 35 days overdue
    [addDays(today, -3), '4000.00'], // 3 days overdue, 1,000.00 paid below
    [today, '2500.00'], // due today: not overdue
    [addDays(today, 10), '2500.00'],
  ]);
  expect(
    (await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '1000.00', receivedOn: today })).statusCode,
  ).toBe(201);
  const plan = (await w.rep.client.get(`/api/v1/orders/${order.id}/instalments`)).json();
  const third = plan.instalments[2];
  await pay(w.rep, {
    customerId: customer.id,
    orderId: order.id,
    amount: '1000.00',
    receivedOn: today,
    allocations: [{ instalmentId: third.id, amount: '1000.00' }],
  });
  const westCustomer = await newCustomer(w.westRep);
  westOrder = await buildOrder(w, w.westRep, westCustomer.id, '800.00');
  await savePlan(w.westRep, westOrder.id, [[addDays(today, -1), '800.00']]);
});
afterAll(() => w.t.close());

const ownerNotes = async (userId: string) =>
  (await w.t.db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
    (n) => n.kind === 'receivables.dunning',
  );

const notices = async () =>
  w.t.db
    .select({
      level: dunningNotices.level,
      days: dunningNotices.daysOverdue,
      outstanding: dunningNotices.outstanding,
      orderId: instalments.orderId,
      position: instalments.position,
    })
    .from(dunningNotices)
    .innerJoin(instalments, eq(instalments.id, dunningNotices.instalmentId))
    .where(inArray(instalments.orderId, [order.id, westOrder.id]));

describe('dunning job', () => {
  it('is registered as a daily schedule', () => {
    expect(w.t.app.jobs.registeredNames).toContain(DUNNING_JOB);
  });

  it('reminds the owner of each overdue open instalment, in their language, linking to the order', async () => {
    const now = new Date();
    expect(await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, now)).toBe(3);
    const mine = await ownerNotes(w.rep.id);
    expect(mine.map((n) => n.title).sort()).toEqual([
      `催款提醒：${order.number} 第 2 期 逾期 35 天，未收 12,345.67 元`,
      `催款提醒：${order.number} 第 3 期 逾期 3 天，未收 3,000.00 元`,
    ]);
    expect(mine[0]!.link).toBe(`/orders/${order.id}`);
    expect((await ownerNotes(w.westRep.id)).map((n) => n.title)).toEqual([
      `Dunning: ${westOrder.number} instalment 1 is 1 days overdue, 800.00 yuan outstanding`,
    ]);
    expect((await notices()).map((n) => [n.position, n.level, n.days, n.outstanding]).sort()).toEqual([
      [1, 1, 1, '800.00'],
      [2, 1, 35, '12345.67'],
      [3, 1, 3, '3000.00'],
    ]);
  });

  it('sends nothing more the same day, nor before the interval; the next level after it', async () => {
    const now = new Date();
    expect(await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, now)).toBe(0);
    // Six days on only the instalment due today has become overdue (its first reminder); the others wait for day 7.
    expect(await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, new Date(now.getTime() + 6 * DAY))).toBe(1);
    expect(await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, new Date(now.getTime() + 7 * DAY))).toBe(3);
    const second = (await notices()).filter((n) => n.level === 2);
    expect(second.map((n) => [n.position, n.days]).sort()).toEqual([
      [1, 8],
      [2, 42],
      [3, 10],
    ]);
    expect(await ownerNotes(w.rep.id)).toHaveLength(5);
  });

  it('never reminds a paid instalment: paying the rest stops the reminders', async () => {
    const paid = await pay(w.westRep, { customerId: await customerOf(westOrder.id), orderId: westOrder.id, amount: '800.00' });
    expect(paid.statusCode).toBe(201);
    const later = new Date(Date.now() + 30 * DAY);
    // Order one's instalments 2 and 3 again, 4 and 5 for the first time (overdue by then); the paid west one not.
    expect(await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, later)).toBe(4);
    expect((await notices()).filter((n) => n.orderId === westOrder.id)).toHaveLength(2);
  });
});

async function customerOf(orderId: string): Promise<string> {
  const [row] = await w.t.db
    .select({ customerId: instalments.customerId })
    .from(instalments)
    .where(eq(instalments.orderId, orderId));
  return row!.customerId;
}

describe('the letter to the customer', () => {
  it('renders subject and body in Chinese with the amount in capitals', () => {
    const letter = renderDunningEmail({
      customerName: '北京朝阳书店有限公司',
      contactName: '张经理',
      orderNumber: 'SO2026-000012',
      orderDate: '2026-01-10',
      position: 2,
      instalmentName: '到货款',
      dueDate: '2026-03-01',
      amount: '12345.67',
      outstanding: '12345.67',
      daysOverdue: 35,
      level: 2,
      companyName: '关系图书进出口有限公司',
      companyPhone: '010-8888 6666',
      bankAccount: '工商银行北京分行 0200 0000 0000 0000',
      ownerName: '王芳',
    });
    expect(letter.subject).toBe('【第 2 次提醒】付款提醒：订单 SO2026-000012 第 2 期（到货款）款项已逾期 35 天');
    expect(letter.text).toContain('张经理，您好：');
    expect(letter.text).toContain('应于 2026年3月1日 支付');
    expect(letter.text).toContain('尚未支付金额：人民币 12,345.67 元（大写：壹万贰仟叁佰肆拾伍元陆角柒分）');
    expect(letter.text).toContain('收款账户：工商银行北京分行');
    expect(letter.text).toContain('您的客户经理 王芳（电话 010-8888 6666）');
    expect(letter.text.trim().endsWith('关系图书进出口有限公司')).toBe(true);
  });
});
