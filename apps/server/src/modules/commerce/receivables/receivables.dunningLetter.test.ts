// The dunning letter of an overdue instalment as a user gets it: the letter names the order, the amount still owed to
// the fen and in capitals, greets the order's contact and names the owner to answer; the customer's addresses come
// best first; a rep of another branch gets 404; a paid or not yet due instalment 409 with a message in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../../../../test/factories/customers.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { commerceSettings } from '../commerce.schema.ts';
import { createOrder } from '../orders/orders.create.ts';
import { addDays } from './receivables.dates.ts';
import { runDunning } from './receivables.dunning.ts';
import { buildOrder, buildReceivablesWorld, newCustomer, pay, savePlan, type ReceivablesWorld } from './receivables.testSetup.ts';
import { instalments } from './receivables.schema.ts';
import { eq } from 'drizzle-orm';

let w: ReceivablesWorld;
let today: string;
let order: { id: string; number: string };
let plan: { id: string; position: number }[];
let bare: { order: { id: string }; instalmentId: string };
const DAY = 86_400_000;

const letter = (who: ReceivablesWorld['rep'], orderId: string, instalmentId: string, headers?: Record<string, string>) =>
  who.client.get(`/api/v1/orders/${orderId}/instalments/${instalmentId}/dunning-letter`, headers);

beforeAll(async () => {
  w = await buildReceivablesWorld();
  today = todayIn(w.t.config.timeZone);
  const letterhead = {
    companyName: '关系图书进出口有限公司',
    companyPhone: '010-8888 6666',
    bankAccount: '工商银行北京分行 0200 0000 0000 0000',
  };
  await w.t.db
    .insert(commerceSettings)
    .values({ id: 1, ...letterhead })
    .onConflictDoUpdate({ target: commerceSettings.id, set: letterhead });
  const customer = await newCustomer(w.rep, '北京朝阳书店有限公司');
  // Entered first, but not the order's contact: its address comes after the customer's own.
  await buildContact(w.rep.client, customer.id, { name: '李会计', email: 'li@chaoyang-books.cn' });
  const zhang = await buildContact(w.rep.client, customer.id, { name: '张经理', email: 'zhang@chaoyang-books.cn' });
  for (const body of [
    { type: 'email', value: 'finance@chaoyang-books.cn' },
    { type: 'email', value: 'ZHANG@chaoyang-books.cn', contactId: zhang.id }, // the same address again: listed once
  ]) {
    expect((await w.rep.client.post(`/api/v1/customers/${customer.id}/identifiers`, body)).statusCode).toBe(201);
  }
  const actor = await w.rep.actor();
  order = await w.t.db.transaction((tx) =>
    createOrder(tx, actor, {
      customerId: customer.id,
      contactId: zhang.id,
      orderDate: '2026-01-10',
      lines: [{ name: '教材', quantity: '1', unitPrice: '22345.67', taxRate: '13' }],
    }),
  );
  await w.t.db.delete(instalments).where(eq(instalments.orderId, order.id));
  plan = (
    await savePlan(w.rep, order.id, [
      [addDays(today, -40), '1000.00'], // paid in full below
      [addDays(today, -35), '12345.67'], // 100.00 paid below: 12,245.67 outstanding, 35 days overdue
      [today, '4000.00'], // due today: not overdue
      [addDays(today, 10), '5000.00'],
    ])
  ).instalments;
  // Oldest due first: 1,000.00 settles the first instalment, 100.00 goes to the second.
  expect(
    (await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '1100.00', receivedOn: today })).statusCode,
  ).toBe(201);

  // A customer without contacts or e-mail, and no company name on file later on.
  const plain = await newCustomer(w.rep, '上海徐汇文具店');
  const plainOrder = await buildOrder(w, w.rep, plain.id, '800.00');
  const plainPlan = await savePlan(w.rep, plainOrder.id, [[addDays(today, -3), '800.00']]);
  bare = { order: plainOrder, instalmentId: plainPlan.instalments[0]!.id };
});
afterAll(() => w.t.close());

describe('dunning letter of an overdue instalment', () => {
  it('names the order, the amount owed to the fen and in capitals, greets the contact and signs for the owner', async () => {
    const res = await letter(w.rep, order.id, plan[1]!.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.subject).toBe(`付款提醒：订单 ${order.number} 第 2 期款项已逾期 35 天`);
    expect(body.text).toContain('张经理，您好：');
    expect(body.text).toContain(`贵司于 2026年1月10日 签订的订单 ${order.number}，第 2 期款项应于`);
    expect(body.text).toContain('本期应付金额：人民币 12,345.67 元');
    expect(body.text).toContain('尚未支付金额：人民币 12,245.67 元（大写：壹万贰仟贰佰肆拾伍元陆角柒分）');
    expect(body.text).toContain('收款账户：工商银行北京分行 0200 0000 0000 0000');
    expect(body.text).toContain('如有疑问，请联系您的客户经理 王芳（电话 010-8888 6666）。');
    expect(body.text.trim().endsWith('关系图书进出口有限公司')).toBe(true);
    expect(body.to).toEqual(['zhang@chaoyang-books.cn', 'finance@chaoyang-books.cn', 'li@chaoyang-books.cn']);
    expect(body.level).toBe(1);
    expect(body.daysOverdue).toBe(35);
  });

  it('is the next reminder once the owner has been reminded twice', async () => {
    const now = new Date();
    await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, now);
    expect((await letter(w.rep, order.id, plan[1]!.id)).json().level).toBe(1);
    await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone, new Date(now.getTime() + 7 * DAY));
    const second = (await letter(w.rep, order.id, plan[1]!.id)).json();
    expect(second.level).toBe(2);
    expect(second.subject).toBe(`【第 2 次提醒】付款提醒：订单 ${order.number} 第 2 期款项已逾期 35 天`);
  });

  it('is read as the order is: the branch manager and a reader of all orders get it, others 404', async () => {
    expect((await letter(w.eastManager, order.id, plan[1]!.id)).statusCode).toBe(200);
    expect((await letter(w.auditor, order.id, plan[1]!.id)).statusCode).toBe(200);
    expect((await letter(w.westRep, order.id, plan[1]!.id)).statusCode).toBe(404);
    expect((await letter(w.westManager, order.id, plan[1]!.id)).statusCode).toBe(404);
    expect((await letter(w.rep2, order.id, plan[1]!.id)).statusCode).toBe(404);
    // An instalment asked for under another order is not found either.
    expect((await letter(w.rep, bare.order.id, plan[1]!.id)).statusCode).toBe(404);
  });

  it('refuses a paid instalment and one not yet overdue with 409 and a message in the caller’s language', async () => {
    const paid = await letter(w.rep, order.id, plan[0]!.id);
    expect(paid.statusCode).toBe(409);
    expect(paid.json().error.code).toBe('INSTALMENT_SETTLED');
    expect(paid.json().error.message).toBe('第 1 期已结清或已取消，无需催款。');
    const dueToday = await letter(w.rep, order.id, plan[2]!.id);
    expect(dueToday.statusCode).toBe(409);
    expect(dueToday.json().error.code).toBe('INSTALMENT_NOT_OVERDUE');
    expect(dueToday.json().error.message).toBe(`第 3 期应于 ${today} 支付，尚未逾期，无需催款。`);
    const en = await letter(w.rep, order.id, plan[3]!.id, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toBe(
      `Instalment 4 is due on ${addDays(today, 10)} and not overdue yet: there is nothing to remind.`,
    );
  });

  it('greets the customer by name and has no address when it has no contact or e-mail; signed by the owner without a company name', async () => {
    await w.t.db.update(commerceSettings).set({ companyName: '', bankAccount: null }).where(eq(commerceSettings.id, 1));
    const res = await letter(w.rep, bare.order.id, bare.instalmentId);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.text.startsWith('上海徐汇文具店，您好：')).toBe(true);
    expect(body.text).toContain('尚未支付金额：人民币 800.00 元（大写：捌佰元整）');
    expect(body.text).not.toContain('收款账户');
    expect(body.text.trim().endsWith('王芳')).toBe(true);
    expect(body.to).toEqual([]);
    expect(body.daysOverdue).toBe(3);
  });
});
