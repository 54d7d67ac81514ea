// Customer 360 in the browser: a customer created in Chinese gets a phone number on its card and is then found
// from the command palette by its pinyin initials and by the last digits of that phone.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const palette = (page: Page) => page.getByRole('dialog', { name: '搜索与跳转' });

async function searchInPalette(page: Page, text: string) {
  await page.keyboard.press('Control+K');
  await palette(page).getByRole('combobox', { name: '搜索页面、记录和操作' }).fill(text);
  return palette(page).getByRole('group', { name: '客户' });
}

test('a customer created in Chinese is found by its initials and by a phone’s last digits', async ({ newPage, screenshot }) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  await page.goto('/customers/new');
  await page.getByLabel('客户名称').fill('苏州博雅书苑有限公司');
  await page.getByLabel('客户性质').click();
  await page.locator('.ant-select-dropdown:visible').getByText('单位客户', { exact: true }).click();
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '苏州博雅书苑有限公司' }));
  const customerPath = new URL(page.url()).pathname;

  await page.getByRole('button', { name: '添加号码' }).click();
  await page.getByLabel('号码', { exact: true }).fill('139 1234 8765');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await visible(page.getByText('号码已添加'));
  await visible(page.locator('.ant-tag', { hasText: '139 1234 8765' }));
  await screenshot(page, 'customers-card-identifiers-1280');

  const byInitials = await searchInPalette(page, 'szby');
  await visible(byInitials.getByRole('option', { name: /苏州博雅书苑有限公司/ }));
  await page.keyboard.press('Escape');

  const byPhone = await searchInPalette(page, '8765');
  await visible(byPhone.getByRole('option', { name: /苏州博雅书苑有限公司/ }));
  await byPhone.getByRole('option', { name: /苏州博雅书苑有限公司/ }).click();
  await page.waitForURL((url) => url.pathname === customerPath);
  assert.equal(new URL(page.url()).pathname, customerPath);
});
