// Steps and checks the specs share: sign in through the form, wait for text, check that nothing overflows.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'guanxi-demo-2026';

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

export async function openLogin(page: Page): Promise<void> {
  await page.goto('/login');
  await visible(page.getByRole('button', { name: /登\s*录/ }));
}

/** Fills the login form as a user would; does not wait for the result. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await openLogin(page);
  await submitLogin(page, username, password);
  await visible(page.getByRole('heading', { name: '个人工作台' }));
}

/** The page must fit its viewport: no horizontal scrolling on a phone. */
export async function assertNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}
