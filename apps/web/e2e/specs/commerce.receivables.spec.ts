// Receivables in the browser: 王芳 plans an order of 12,000.00 in two instalments on its 执行计划 tab (the total checked
// to the fen as she types), records a partial payment of 3,000.00 that the preview puts on the first (overdue)
// instalment, and finds the rest in 应收账款: 2,000.00 in 1–30 days and 7,000.00 not yet due, drilled down to the order.
// The customer card shows 应收款. Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { apiOf } from '../harness/api.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function atPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300); // antd's breakpoint hook and the layout follow the new width
}

async function fillDate(page: Page, scope: ReturnType<Page['getByRole']>, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('commerce.receivables: plan instalments, record a partial payment, see it in aging', async ({ newPage, screenshot }) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const api = await apiOf(page);
  const customer = await api.post<{ id: string }>('/customers', { name: '端到端应收测试书店有限公司', kind: 'organisation' });
  const order = await api.post<{ id: string; number: string }>('/orders/direct', {
    customerId: customer.id,
    lines: [{ name: '中国历史地图集', quantity: '1', unitPrice: '12000.00', taxRate: '13' }],
  });

  await page.goto(`/orders/${order.id}`);
  await page.getByRole('tab', { name: '执行计划' }).click();
  await visible(page.getByRole('heading', { name: '分期收款' }));
  await page.getByRole('button', { name: '编辑分期' }).click();
  // Whatever plan the order came with is replaced by two instalments: one already 10 days past due.
  for (let n = await page.getByRole('button', { name: /^删除第 \d+ 期$/ }).count(); n > 0; n--)
    await page.getByRole('button', { name: `删除第 ${n} 期` }).click();
  await page.getByRole('button', { name: '添加一期' }).click();
  await page.getByRole('button', { name: '添加一期' }).click();
  const first = page.getByRole('group', { name: '第 1 期' });
  const second = page.getByRole('group', { name: '第 2 期' });
  await first.getByLabel('名称').fill('首付款');
  await fillDate(page, first, '到期日', day(-10));
  await first.getByLabel('金额').fill('5000.00');
  await fillDate(page, second, '到期日', day(20));
  await second.getByLabel('金额').fill('6999.99');
  await visible(page.getByText('分期合计 ¥11,999.99，订单金额 ¥12,000.00，相差 ¥0.01'));
  await second.getByLabel('金额').fill('7000.00');
  await visible(page.getByText('分期合计 ¥12,000.00，与订单金额一致'));
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await visible(page.getByText('第 1 期 · 首付款'));

  // A partial payment: the preview puts it on the first instalment.
  await page.getByRole('button', { name: '登记收款' }).click();
  const dialog = page.getByRole('dialog', { name: '登记收款' });
  await dialog.getByLabel('收款金额').fill('3000.00');
  await dialog.getByLabel('凭证号').fill('工行回单 E2E-0001');
  await visible(dialog.getByText('第 1 期 · 首付款 · 到期'));
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await visible(page.getByText(/已登记收款 RC\d{4}-\d{6}/));
  const plan = await api.get<{ paidTotal: string; instalments: { paidAmount: string; outstanding: string; status: string }[] }>(
    `/orders/${order.id}/instalments`,
  );
  assert.equal(plan.paidTotal, '3000.00');
  assert.deepEqual(
    plan.instalments.map((i) => [i.paidAmount, i.outstanding, i.status]),
    [
      ['3000.00', '2000.00', 'partial'],
      ['0.00', '7000.00', 'open'],
    ],
  );
  await visible(page.getByText(/^逾期 1[01] 天$/));
  await visible(page.getByText('工行回单 E2E-0001'));
  await screenshot(page, 'commerce-receivables-order-1280');
  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-receivables-order-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Aging: the customer's row, 2,000.00 overdue 1–30 days and 7,000.00 not yet due; the figure drills to the order.
  await page.goto('/commerce/receivables');
  await visible(page.getByRole('heading', { name: '应收账款' }));
  const row = page.getByRole('row').filter({ hasText: '端到端应收测试书店有限公司' });
  await visible(row.getByText('¥9,000.00'));
  await visible(row.getByText('¥7,000.00'));
  await row.getByRole('button', { name: '端到端应收测试书店有限公司 逾期 1–30 天 ¥2,000.00' }).click();
  const drawer = page.locator('.ant-drawer');
  await visible(drawer.getByRole('link', { name: `${order.number} 第 1 期 · 首付款` }));
  await visible(drawer.getByText('¥2,000.00'));
  await screenshot(page, 'commerce-receivables-drill-1280');
  await drawer
    .getByRole('button', { name: 'Close' })
    .click()
    .catch(() => page.keyboard.press('Escape'));
  await page.getByText('负责人').first().click();
  await visible(page.getByRole('row').filter({ hasText: '王芳' }));
  await screenshot(page, 'commerce-receivables-aging-1280');
  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-receivables-aging-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The customer card's 应收款.
  await page.goto(`/customers/${customer.id}`);
  await visible(page.getByText('应收款'));
  await visible(page.getByText('¥9,000.00'));
  await screenshot(page, 'commerce-receivables-customer-1280');
});

test('commerce.receivables: the 催款函 of an overdue instalment, copied and ready to mail', async ({
  newPage,
  screenshot,
  baseUrl,
}) => {
  const page = await newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const api = await apiOf(page);
  const customer = await api.post<{ id: string }>('/customers', { name: '端到端催款测试书店有限公司', kind: 'organisation' });
  const contact = await api.post<{ id: string }>('/contacts', {
    customerId: customer.id,
    name: '赵经理',
    email: 'zhao@e2e-books.cn',
  });
  const order = await api.post<{ id: string; number: string }>('/orders/direct', {
    customerId: customer.id,
    contactId: contact.id,
    lines: [{ name: '中国历史地图集', quantity: '1', unitPrice: '23456.78', taxRate: '13' }],
  });
  // 到货款 20 days past due, the rest in a month.
  const current = await api.get<{ version: number }>(`/orders/${order.id}/instalments`);
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const saved = await page.request.put(`/api/v1/orders/${order.id}/instalments`, {
    headers: { 'x-csrf-token': csrfToken, 'if-match': String(current.version) },
    data: {
      instalments: [
        { name: '到货款', dueDate: day(-20), amount: '12345.67' },
        { name: '尾款', dueDate: day(30), amount: '11111.11' },
      ],
    },
  });
  assert.equal(saved.status(), 200, await saved.text());

  await page.goto(`/orders/${order.id}`);
  await page.getByRole('tab', { name: '执行计划' }).click();
  await visible(page.getByText('第 1 期 · 到货款'));
  // Only the overdue instalment offers a letter.
  assert.equal(await page.getByRole('button', { name: '催款函' }).count(), 1);
  await page.getByRole('button', { name: '催款函' }).click();
  const dialog = page.getByRole('dialog', { name: '催款函' });
  await visible(dialog.getByText(`${order.number} 第 1 期 · 到货款`));
  await visible(
    dialog.getByTestId('dunning-subject').getByText(`付款提醒：订单 ${order.number} 第 1 期（到货款）款项已逾期 20 天`),
  );
  const letter = dialog.getByTestId('dunning-text');
  await visible(letter.getByText(/^赵经理，您好：/));
  assert.match(await letter.innerText(), new RegExp(`订单 ${order.number}，第 1 期（到货款）款项应于`));
  assert.match(await letter.innerText(), /尚未支付金额：人民币 12,345\.67 元（大写：壹万贰仟叁佰肆拾伍元陆角柒分）/);
  assert.match(await letter.innerText(), /您的客户经理 王芳/);
  await visible(dialog.getByText('收件人：zhao@e2e-books.cn'));
  const mail = dialog.getByRole('link', { name: /用邮件发送/ });
  const href = (await mail.getAttribute('href')) ?? '';
  assert.ok(href.startsWith('mailto:zhao@e2e-books.cn?subject='), href);
  assert.equal(new URL(href).searchParams.get('subject'), `付款提醒：订单 ${order.number} 第 1 期（到货款）款项已逾期 20 天`);
  await dialog.getByRole('button', { name: /复\s*制/ }).click();
  await visible(page.getByText('催款函已复制，可粘贴到邮件、微信或短信中发送'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(`付款提醒：订单 ${order.number}`), copied);
  assert.match(copied, /壹万贰仟叁佰肆拾伍元陆角柒分/);
  await screenshot(page, 'commerce-receivables-dunning-1280');
  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-receivables-dunning-390');
  await dialog
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /关\s*闭/ })
    .click();
  await page.setViewportSize({ width: 1280, height: 800 });

  // The same letter from 应收账款's drill.
  await page.goto('/commerce/receivables');
  const row = page.getByRole('row').filter({ hasText: '端到端催款测试书店有限公司' });
  await row.getByRole('button', { name: '端到端催款测试书店有限公司 逾期 1–30 天 ¥12,345.67' }).click();
  const drawer = page.locator('.ant-drawer');
  await visible(drawer.getByRole('link', { name: `${order.number} 第 1 期 · 到货款` }));
  await drawer.getByRole('button', { name: '催款函' }).click();
  await visible(page.getByRole('dialog', { name: /催款函/ }).getByText(/大写：壹万贰仟叁佰肆拾伍元陆角柒分/));
  await screenshot(page, 'commerce-receivables-dunning-drill-1280');
});
