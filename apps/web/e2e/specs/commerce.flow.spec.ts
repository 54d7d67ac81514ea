// Issue 6's walk-through in the browser: 王芳 submits a quote whose discount is above her limit; 李娜 approves it in
// 待我审批; the PDF prints the customer and 大写金额 of the total; the customer accepts and the order follows with the
// same total; its stages advance to delivery while 预计到货 moves; a first instalment already overdue shows in 应收账款,
// and once paid late it is gone from the overdue buckets. (The dunning run and every figure by hand are in the
// server's commerce.flow.test.ts.)
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiOf } from '../harness/api.ts';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const CUSTOMER = '端到端报价到回款书店有限公司';

/** The day `offset` days from today in the organisation's time zone (the server's GUANXI_TIME_ZONE). */
async function dayIn(_page: Page, offset: number): Promise<string> {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** "12345.60" → "¥12,345.60", as the pages print money. */
const yuan = (amount: string) => {
  const [whole, fraction] = amount.split('.');
  return `¥${BigInt(whole!).toLocaleString('en-US')}.${fraction}`;
};

test('commerce: quote above the limit → approved → PDF → accepted → order delivered → overdue instalment paid late', async ({
  newPage,
  screenshot,
}) => {
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const api = await apiOf(rep);
  const customer = await api.post<{ id: string }>('/customers', { name: CUSTOMER, kind: 'organisation' });
  const products = await api.get<{ items: { id: string }[] }>('/products?filter[sku][eq]=BK-NEWS-001');
  const quote = await api.post<{ id: string; version: number; number: string }>('/quotes', { customerId: customer.id });
  const me = (await (await rep.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const saved = await rep.request.put(`/api/v1/quotes/${quote.id}/lines`, {
    data: { lines: [{ productId: products.items[0]!.id, quantity: '20', discount: { kind: 'percent', value: '12' } }] },
    headers: { 'x-csrf-token': me.csrfToken, 'if-match': `"${quote.version}"` },
  });
  assert.ok(saved.ok(), await saved.text());
  const gross = ((await saved.json()) as { totals: { grossTotal: string } }).totals.grossTotal;

  // 12 % is above a rep's 5 %: 提交审批 sends it to the branch manager.
  await rep.goto(`/quotes/${quote.id}`);
  await rep.getByRole('button', { name: '提交审批' }).click();
  await visible(rep.getByTestId('quote-status').filter({ hasText: '待审批' }));

  const manager = await newPage();
  await signIn(manager, 'lina', DEMO_PASSWORD);
  await manager.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '待我审批' }).click();
  const row = manager.locator('tr', { hasText: quote.number });
  await row.getByRole('button', { name: /批\s*准/ }).click();
  const dialog = manager.getByRole('dialog');
  await dialog.getByLabel('审批意见').fill('同意，按 88 折。');
  await dialog.getByRole('button', { name: /批\s*准/ }).click();
  await visible(manager.getByText('已批准，审批通过'));

  // The PDF: the customer and the total in capital numerals, read back as text.
  await rep.reload();
  await visible(rep.getByTestId('quote-status').filter({ hasText: '已批准' }));
  const pdf = await rep.request.get(`/api/v1/quotes/${quote.id}/pdf`);
  assert.equal(pdf.status(), 200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  assert.ok(text.includes(CUSTOMER), 'the PDF names the customer');
  assert.ok(text.includes('大写'), 'the PDF has the amount in capital numerals');
  assert.match(text, /[壹贰叁肆伍陆柒捌玖拾佰仟万]+元/);

  // Sent, accepted: the order, with the quote's total.
  await rep.getByRole('button', { name: /^发\s*送$/ }).click();
  await visible(rep.getByTestId('quote-status').filter({ hasText: '已发送' }));
  await rep.getByRole('button', { name: '客户接受' }).click();
  const confirm = rep.locator('.ant-modal-confirm');
  await visible(confirm);
  await rep.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await confirm.getByRole('button', { name: '客户接受' }).click();
  await rep.getByRole('link', { name: '查看订单' }).click();
  await visible(rep.getByRole('heading', { name: /^SO\d{4}-\d{6}$/ }));
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(rep.url())![1]!;
  await rep.getByRole('tab', { name: '订单明细' }).click();
  assert.equal(await rep.getByTestId('order-gross').innerText(), yuan(gross));

  // Approved by the quote's approval; 备货 done three days early pulls 预计到货 from today + 7 to today + 4.
  assert.equal(await rep.getByTestId('expected-arrival').innerText(), await dayIn(rep, 7));
  await rep.getByRole('button', { name: '提交审批' }).click();
  await rep.getByRole('button', { name: '完成「备货」' }).click();
  await rep.getByRole('button', { name: '确认完成' }).click();
  const arrivalBy = await dayIn(rep, 4);
  await rep.waitForFunction(
    (expected) => document.querySelector('[data-testid="expected-arrival"]')?.textContent === expected,
    arrivalBy,
  );
  for (const stage of ['已发货', '已签收']) {
    await rep.getByRole('button', { name: `完成「${stage}」` }).click();
    await rep.getByRole('button', { name: '确认完成' }).click();
    await visible(rep.getByTestId(`stage-${stage}`).filter({ hasText: /完成/ }));
  }
  await screenshot(rep, 'commerce-flow-order-1280');

  // A first instalment due 40 days ago: overdue 31–60 days in 应收账款.
  const plan = await api.get<{ version: number }>(`/orders/${orderId}/instalments`);
  const first = '100.00';
  const rest = (BigInt(gross.replace('.', '')) - 10000n).toString().replace(/(\d\d)$/, '.$1');
  const put = await rep.request.put(`/api/v1/orders/${orderId}/instalments`, {
    data: {
      instalments: [
        { name: '首付款', dueDate: await dayIn(rep, -40), amount: first },
        { name: '尾款', dueDate: await dayIn(rep, 30), amount: rest },
      ],
    },
    headers: { 'x-csrf-token': me.csrfToken, 'if-match': `"${plan.version}"` },
  });
  assert.ok(put.ok(), await put.text());
  await rep.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '应收账款' }).click();
  await visible(rep.getByRole('heading', { name: '应收账款' }));
  const aging = rep.getByRole('row').filter({ hasText: CUSTOMER });
  const overdue31to60 = new RegExp(`^${CUSTOMER} (逾期 )?31–60 天 ¥100\\.00$`);
  await visible(aging.getByRole('button', { name: overdue31to60 }));
  await screenshot(rep, 'commerce-flow-aging-1280');

  // Paid today, 40 days late: out of the overdue buckets; the 尾款 is not yet due.
  await rep.goto(`/orders/${orderId}`);
  await rep.getByRole('tab', { name: '执行计划' }).click();
  await rep.getByRole('button', { name: '登记收款' }).click();
  const pay = rep.getByRole('dialog', { name: '登记收款' });
  await pay.getByLabel('收款金额').fill(first);
  await visible(pay.getByText('第 1 期 · 首付款 · 到期'));
  await pay.getByRole('button', { name: /登\s*记/ }).click();
  await visible(rep.getByText(/已登记收款 RC\d{4}-\d{6}/));
  await rep.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '应收账款' }).click();
  await visible(rep.getByRole('row').filter({ hasText: CUSTOMER }));
  assert.equal(await rep.getByRole('button', { name: overdue31to60 }).count(), 0);
});
