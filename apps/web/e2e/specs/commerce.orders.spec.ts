// Orders in the browser: a rep makes an order from the catalogue on 新建订单, submits it (approved within the limit),
// completes 备货 early (预计到货 moves from today + 7 to today + 4), ships part of the books (已发货 部分完成); the branch
// manager closes the purchase batch holding it. A stage entered late: 备货 of a demo order approved two days ago is
// dated yesterday and 预计到货 counts from that day. Screenshots of the order, new order, completion dialog, batch and
// order type pages at desktop and phone width.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { apiOf } from '../harness/api.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

/** The day `offset` days from today in `timeZone` (the server's: Asia/Shanghai; the browser's: this machine's). */
const dayIn = (offset: number, timeZone = 'Asia/Shanghai'): string => {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** `day` (YYYY-MM-DD) plus `days`. */
const plusDays = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function pick(page: Page, combobox: ReturnType<Page['getByRole']>, typed: string, option: string | RegExp) {
  await combobox.click();
  await combobox.fill(typed);
  await chooseOption(page, option);
}

async function atPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300); // antd's breakpoint hook sees the new width
}

test('commerce: an order advances through its stages with a partial shipment, 预计到货 moves, the batch is closed', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  await page.goto('/orders/new');
  await visible(page.getByText('订单明细'));
  await pick(page, page.getByRole('combobox', { name: '客户' }), '南京图书馆', '南京图书馆');
  await pick(page, page.getByRole('combobox', { name: '产品 1' }), '乡土中国', /乡土中国/);
  await page.getByTestId('order-line').nth(0).getByLabel('数量').fill('10');
  await page.getByRole('button', { name: '添加一行' }).click();
  await pick(page, page.getByRole('combobox', { name: '产品 2' }), 'BOOK-KID-002', /窗边的小豆豆/);
  await page.getByTestId('order-line').nth(1).getByLabel('数量').fill('4');
  await page.getByLabel('备注').fill('端到端：南图春季采购');
  await screenshot(page, 'commerce-order-new-1280');
  await page.getByRole('button', { name: /保存草稿/ }).click();

  // The order's page: 10 × 39.00 + 4 × 35.00 = 530.00, a draft planned 0 + 3 + 1 + 3 days from its order date (the
  // new order form's default: today where the browser is).
  await visible(page.getByText('订单进度'));
  const number = (
    await page
      .getByRole('heading', { name: /^SO\d{4}-\d{6}$/ })
      .first()
      .innerText()
  ).trim();
  assert.match(number, /^SO\d{4}-\d{6}$/);
  await page.getByRole('tab', { name: '订单明细' }).click();
  await visible(page.getByTestId('order-gross'));
  assert.equal(await page.getByTestId('order-gross').innerText(), '¥530.00');
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  assert.equal(await page.getByTestId('expected-arrival').innerText(), dayIn(7, browserZone));
  await page.getByRole('button', { name: '提交审批' }).click();
  await visible(page.getByRole('button', { name: '完成「备货」' }));

  // 备货 done today instead of in 3 days: the expected arrival is pulled to today + 4.
  await page.getByRole('button', { name: '完成「备货」' }).click();
  await page.getByRole('dialog').getByLabel('备注').fill('书已备齐');
  await page.getByRole('button', { name: '确认完成' }).click();
  await visible(page.getByRole('button', { name: '完成「已发货」' }));
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="expected-arrival"]')?.textContent === expected,
    dayIn(4),
  );

  // Ship 6 of the 10 books and none of the other line: 已发货 is partly done.
  await page.getByRole('button', { name: '完成「已发货」' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '乡土中国 数量' }).fill('6');
  await dialog.getByRole('textbox', { name: '窗边的小豆豆 数量' }).fill('');
  await dialog.getByLabel('备注').fill('第一批');
  await screenshot(page, 'commerce-order-complete-dialog-1280');
  await page.getByRole('button', { name: '确认完成' }).click();
  await visible(page.getByText('部分完成').first());
  await page.getByText('进度记录').click();
  await visible(page.getByText('乡土中国 × 6'));
  await screenshot(page, 'commerce-order-1280');
  await page.getByRole('tab', { name: '费用与利润' }).click();
  await visible(page.getByText('预计利润（按订购数量）'));
  await screenshot(page, 'commerce-order-profit-1280');
  await page.getByRole('tab', { name: '订单明细' }).click();
  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-order-390');

  // The branch manager closes the batch the books went into when the order reached 备货.
  const manager = await newPage();
  await signIn(manager, 'lina', DEMO_PASSWORD);
  await manager.goto('/commerce/purchase-batches');
  const batch = manager.getByTestId('purchase-batch').filter({ hasText: number });
  await visible(batch);
  await screenshot(manager, 'commerce-purchase-batches-1280');
  await batch.getByRole('button', { name: '关闭批次' }).first().click();
  await manager.getByRole('button', { name: /确\s*定|OK/ }).click();
  await visible(manager.getByText('批次已关闭'));
  await manager.getByRole('tab', { name: '已关闭' }).click();
  await visible(manager.getByRole('tabpanel', { name: '已关闭' }).getByTestId('purchase-batch').filter({ hasText: number }));
  await atPhoneWidth(manager);
  await assertNoHorizontalOverflow(manager);
  await screenshot(manager, 'commerce-purchase-batches-390');

  await manager.setViewportSize({ width: 1280, height: 800 });
  await manager.goto('/commerce/order-types');
  await visible(manager.getByText('进口订单'));
  await screenshot(manager, 'commerce-order-types-1280');

  // An administrator opens the standard type's stages in the editor.
  const admin = await newPage();
  await signIn(admin, 'admin', adminPassword);
  await admin.goto('/commerce/order-types');
  await admin.getByRole('link', { name: '编辑' }).first().click();
  await visible(admin.getByTestId('stage-row'));
  assert.equal(await admin.getByTestId('stage-row').count(), 5);
  await screenshot(admin, 'commerce-order-type-edit-1280');
  await atPhoneWidth(admin);
  await assertNoHorizontalOverflow(admin);
  await screenshot(admin, 'commerce-order-type-edit-390');
});

test('commerce: a stage entered late is dated back with 完成日期, and 预计到货 counts from that day', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  // The demo's 学校图书馆补充: a standard order approved two days ago, planned 0 + 3 + 1 + 3 days from then.
  const api = await apiOf(page);
  const found = await api.get<{ items: { id: string; memo: string }[] }>(`/orders?q=${encodeURIComponent('学校图书馆补充')}`);
  const order = found.items.find((o) => o.memo === '学校图书馆补充');
  assert.ok(order, 'the demo order 学校图书馆补充');
  await page.goto(`/orders/${order.id}`);
  await visible(page.getByTestId('expected-arrival'));
  assert.equal(await page.getByTestId('expected-arrival').innerText(), dayIn(5));

  // 备货 was done yesterday and is entered today: 完成日期 opens on today, tomorrow cannot be picked.
  await page.getByRole('button', { name: '完成「备货」' }).click();
  const dialog = page.getByRole('dialog');
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const todayHere = dayIn(0, browserZone);
  const yesterday = plusDays(todayHere, -1);
  const picker = dialog.getByLabel('完成日期');
  assert.equal(await picker.inputValue(), todayHere);
  await picker.click();
  const cell = (day: string) => page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).first();
  // The calendar speaks Chinese: weeks start on Monday (一), the header names the month 11月, not Nov.
  const calendar = page.locator('.ant-picker-dropdown:visible');
  assert.equal((await calendar.locator('thead th').first().innerText()).trim(), '一');
  assert.match(await calendar.locator('.ant-picker-header-view').innerText(), /\d{4}年\s*\d{1,2}月/);
  if ((await cell(plusDays(todayHere, 1)).count()) > 0)
    assert.match((await cell(plusDays(todayHere, 1)).getAttribute('class')) ?? '', /ant-picker-cell-disabled/);
  await screenshot(page, 'commerce-order-complete-date-1280');
  await cell(yesterday).click();
  assert.equal(await picker.inputValue(), yesterday);
  await dialog.getByLabel('备注').fill('周五已备齐，周一补录');
  await screenshot(page, 'commerce-order-complete-dated-1280');
  await page.getByRole('button', { name: '确认完成' }).click();

  // Counted from yesterday: 已发货 + 1, 已签收 + 3 → yesterday + 4 (entered as today it would be today + 4).
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="expected-arrival"]')?.textContent === expected,
    plusDays(yesterday, 4),
  );
  await visible(page.getByTestId('stage-备货').filter({ hasText: yesterday }));
  await page.getByText('进度记录').click();
  await visible(page.getByTestId('event-day').filter({ hasText: `${yesterday} · 王芳` }));

  // The dialog at phone width: the next stage's quantities with its 完成日期.
  await atPhoneWidth(page);
  await page.getByRole('button', { name: '完成「已发货」' }).click();
  await visible(page.getByRole('dialog').getByLabel('完成日期'));
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-order-complete-date-390');
  await page.getByRole('dialog').getByLabel('完成日期').click();
  await visible(page.locator('.ant-picker-dropdown:visible'));
  await screenshot(page, 'commerce-order-complete-date-picker-390');
});
