// The catalogue in the browser: an administrator adds a product through the generic form and checks prices in
// 价格试算 — the new product at its list price, a demo product from the standard list's quantity break — each with
// its explanation; 价格表 shows the demo lists. Screenshots of both pages at desktop and phone width.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Phone width: the commerce tables turn into cards once antd's breakpoint hook has seen the new width. */
async function atPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#main-content .ant-table').first().waitFor({ state: 'detached' });
}

async function pick(page: Page, combobox: ReturnType<Page['getByRole']>, typed: string, option: string | RegExp) {
  await combobox.click();
  await combobox.fill(typed);
  await chooseOption(page, option);
}

test('commerce: a new product is priced in 价格试算 with where each price comes from', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'admin', adminPassword);
  const sku = `E2E-${Date.now().toString(36).toUpperCase()}`;

  await page.goto('/products/new');
  await visible(page.getByRole('heading', { name: '新建产品' }));
  await page.getByLabel('物料编码').fill(sku);
  await page.getByLabel('产品名称').fill('端到端测试纸箱');
  await page.getByLabel('单位').click();
  await chooseOption(page, /^箱$/);
  await page.getByLabel('单价').fill('88.50');
  await page.getByLabel('税率').click();
  await chooseOption(page, /^13%$/);
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '端到端测试纸箱' }));
  await screenshot(page, 'commerce-product-card-1280');
  await page.goto('/products');
  await visible(page.getByText(sku));
  await screenshot(page, 'commerce-products-1280');
  await atPhoneWidth(page); // the kit's list shows cards too
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-products-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/commerce/price-check');
  await visible(page.getByRole('heading', { name: '价格试算' }));
  await pick(page, page.getByRole('combobox', { name: '客户' }), '甬江书城', '宁波甬江书城有限公司');
  await pick(page, page.getByRole('combobox', { name: '产品' }).first(), '端到端测试纸箱', '端到端测试纸箱');
  await page.getByRole('textbox', { name: '数量' }).first().fill('3');
  await page.getByRole('button', { name: '添加一行' }).click();
  await pick(page, page.getByRole('combobox', { name: '产品' }).nth(1), 'KD-STD-002', /标准快递（跨省/);
  await page.getByRole('textbox', { name: '数量' }).nth(1).fill('200');
  await page.getByRole('button', { name: /试\s*算/ }).click();

  // 3 × 88.50 = 265.50 at the list price; 200 × 10.80 (the standard list's break from 100) = 2160.00.
  const explanations = page.getByTestId('price-explanation');
  await visible(explanations);
  assert.equal(await explanations.nth(0).innerText(), '产品单价，88.50 元；无折扣');
  assert.match(await explanations.nth(1).innerText(), /^标准价格表「\d{4} 年标准价格表」，100 起 10\.80 元；无折扣$/);
  assert.equal(await page.getByTestId('price-total').innerText(), '2425.50');
  await screenshot(page, 'commerce-price-check-1280');

  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-price-check-390');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/commerce/prices');
  await visible(page.getByRole('cell', { name: /A 级客户价格表/ }));
  await visible(page.getByRole('cell', { name: '客户等级价格表' }));
  await screenshot(page, 'commerce-prices-1280');
  await page.getByRole('button', { name: /年标准价格表/ }).click();
  const dialog = page.getByRole('dialog', { name: '编辑价格表' });
  await visible(dialog.getByText('起订数量'));
  await page.waitForTimeout(500); // the dialog's opening animation
  await screenshot(page, 'commerce-price-list-dialog-1280');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await page.getByRole('tab', { name: '折扣规则' }).click();
  await visible(page.getByRole('cell', { name: '报刊订阅满 10 份九五折' }));
  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-prices-390');

  // A sales rep reads the lists but changes nothing.
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  await rep.goto('/commerce/prices');
  await visible(rep.getByText('只有系统管理员可以修改价格表、折扣规则和产品分类。'));
  assert.equal(await rep.getByRole('button', { name: /新\s*建/ }).count(), 0);
  await rep.getByRole('button', { name: /A 级客户价格表/ }).click();
  const view = rep.getByRole('dialog', { name: '价格表明细' });
  await visible(view.getByText('起订数量'));
  assert.equal(await view.getByRole('button', { name: /保\s*存/ }).count(), 0);
});
