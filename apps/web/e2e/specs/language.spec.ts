// The language switch: the whole screen changes language, antd's own texts included, and comes back.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

async function chooseLanguage(page: Page, current: string, next: string): Promise<void> {
  await page.locator('header').getByRole('combobox', { name: current }).click();
  await page.locator('.ant-select-item-option', { hasText: next }).click();
  await page.locator('.ant-select-item-option').first().waitFor({ state: 'hidden' });
}

test('switch to English and back to 简体中文', async ({ newPage, screenshot }) => {
  const page = await newPage();
  const localeSaves: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/auth/me/locale')) localeSaves.push(request.postData() ?? '');
  });
  await signIn(page, 'lina', DEMO_PASSWORD);

  await chooseLanguage(page, '界面语言', 'English');
  await visible(page.getByRole('heading', { name: 'Personal desk' }));
  await visible(page.getByText('Hello, 李娜'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByText('个人工作台').count(), 0, 'no Chinese interface text is left on the English screen');
  await screenshot(page, 'desk-1280-en');

  await chooseLanguage(page, 'Language', '简体中文');
  await visible(page.getByRole('heading', { name: '个人工作台' }));
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.deepEqual(localeSaves, ['{"locale":"en"}', '{"locale":"zh-CN"}'], 'each choice is saved on the account');
});

test('the login page can be read in 繁體中文', async ({ newPage }) => {
  const page = await newPage();
  await page.goto('/login');
  await page.getByRole('combobox', { name: '界面语言' }).click();
  await page.locator('.ant-select-item-option', { hasText: '繁體中文' }).click();
  await visible(page.getByLabel('使用者名稱'));
  await visible(page.getByRole('button', { name: /登\s*入/ }));
});
