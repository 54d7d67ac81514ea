// Signing in and out: the administrator, a branch manager of the demo data, wrong passwords, locks and expiry.
import assert from 'node:assert/strict';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, openLogin, signIn, submitLogin, visible } from '../harness/flows.ts';

test('admin signs in and sees their name and the personal desk', async ({ newPage, adminPassword }) => {
  const page = await newPage();
  await signIn(page, 'admin', adminPassword);
  const header = page.locator('header');
  await visible(header.getByText('系统管理员'));
  await visible(header.getByText('总部'));
  assert.equal(new URL(page.url()).pathname, '/');
});

test('a wrong password shows the Chinese error and stays on the login page', async ({ newPage }) => {
  const page = await newPage();
  await openLogin(page);
  await submitLogin(page, 'wangfang', 'not-the-password');
  await visible(page.getByRole('alert').getByText('用户名或密码不正确，请重新输入。'));
  assert.equal(new URL(page.url()).pathname, '/login');
});

test('demo branch manager lina sees her org unit and role', async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  const header = page.locator('header');
  await visible(header.getByText('李娜'));
  await visible(header.getByText('东区分公司'));
  await visible(header.getByText('分公司经理'));
  await visible(page.getByText('李娜，您好！'));
});

test('signing out returns to the login page, and the desk then needs a new sign-in', async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, 'zhangwei', DEMO_PASSWORD);
  await page.locator('header').getByRole('button', { name: /张伟/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await visible(page.getByText('您已安全退出。'));
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.goto('/');
  await visible(page.getByRole('button', { name: /登\s*录/ }));
  assert.equal(new URL(page.url()).pathname, '/login');
});

test('a locked account is told how long to wait', async ({ newPage }) => {
  const page = await newPage();
  await openLogin(page);
  // The server locks a username after 5 failures in its window; the 6th attempt is refused with Retry-After.
  // 陈静 is locked because no other spec signs in as her: the lock lasts the rest of the run.
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    const answered = page.waitForResponse('**/api/v1/auth/login');
    await submitLogin(page, 'chenjing', `wrong-password-${attempt}`);
    assert.equal((await answered).status(), attempt <= 5 ? 401 : 429);
  }
  await visible(page.getByRole('alert').getByText(/^登录失败次数过多，账户已暂时锁定，请在 (\d+ 分钟|\d+ 分 \d+ 秒)后重试。$/));
});

test('an expired session sends the user to the login page with the reason', async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  await page.route('**/api/v1/auth/me', (route) =>
    route.fulfill({
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: 'SESSION_EXPIRED', message: 'expired' } }),
    }),
  );
  await page.reload();
  await visible(page.getByText('登录已过期，请重新登录。'));
  assert.equal(new URL(page.url()).pathname, '/login');
});
