// Customer 360 in the browser: the create form warns of a likely duplicate; a customer created in Chinese gets a
// phone number on its card and is then found from the command palette by its initials and by that phone's last digits.
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
  // A name that differs only by a bracketed place and the legal form warns of the existing customer.
  await page.getByLabel('客户名称').fill('北京东区邮政服务（北京）有限公司');
  const warning = page.getByRole('status').filter({ hasText: '可能已有这个客户' });
  await visible(warning.getByRole('link', { name: '北京东区邮政服务有限公司' }));
  await visible(warning.getByText(/名称相同/));
  await page.getByLabel('客户名称').fill('苏州博雅书苑有限公司');
  await warning.waitFor({ state: 'detached' });
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
