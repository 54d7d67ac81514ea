// 系统管理: an administrator builds a unit and a user who can then sign in with it, edits a role's scope matrix
// (saved, kept after reload, and a stale save refused with a reload); others do not get in; own API tokens.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const SAVE = /保\s*存/;

async function openUserMenu(page: Page, name: string | RegExp): Promise<void> {
  await page.locator('header').getByRole('button', { name }).click();
}

async function openAdmin(page: Page, adminPassword: string): Promise<void> {
  await signIn(page, 'admin', adminPassword);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '系统管理' }).click();
  await visible(page.getByRole('heading', { name: '系统管理' }));
}

/** The error antd shows under a form field, found by the field's label. */
function fieldError(page: Page, label: string) {
  return page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
}

async function pickRole(page: Page, name: string): Promise<void> {
  await page.locator('.ant-radio-button-wrapper', { hasText: name }).click();
}

async function chooseOption(page: Page, text: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible').getByText(text, { exact: true }).click();
}

test('admin creates a unit under 东区分公司 and a branch manager there, who then signs in', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await openAdmin(page, adminPassword);
  // /admin redirects to its first page on the client; wait for it instead of reading the address too early.
  await page.waitForURL((url) => url.pathname === '/admin/org-units', { timeout: 10_000 });
  assert.equal(new URL(page.url()).pathname, '/admin/org-units');

  await page.locator('.ant-tree-title', { hasText: '东区分公司' }).click();
  await page.getByRole('button', { name: '新建下级组织' }).click();
  const unitDialog = page.getByRole('dialog', { name: '在「东区分公司」下新建组织' });
  await unitDialog.getByLabel('组织名称').fill('东区大客户部');
  await unitDialog.getByLabel('组织编码').fill('EAST-KA');
  await unitDialog.getByRole('button', { name: SAVE }).click();
  await visible(page.locator('.ant-tree-title', { hasText: '东区大客户部' }));
  await screenshot(page, 'admin-org-units-1280');

  // The server refuses to move a unit below its own child, and to deactivate a unit with active children.
  await page.getByRole('button', { name: '调整上级' }).click();
  const moveDialog = page.getByRole('dialog', { name: '调整「东区分公司」的上级组织' });
  await moveDialog.getByLabel('新的上级组织').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '东区大客户部' }).click();
  await moveDialog.getByRole('button', { name: SAVE }).click();
  await visible(fieldError(page, '新的上级组织').getByText('不能把组织移动到它自己或它的下级之下。'));
  await moveDialog.getByRole('button', { name: /取\s*消/ }).click();
  await page.getByRole('button', { name: /停\s*用/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /停\s*用/ })
    .click();
  await visible(page.getByText('该组织还有启用的下级组织，不能停用。'));

  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const userDialog = page.getByRole('dialog', { name: '新建用户' });
  await userDialog.getByLabel('用户名').fill('lina');
  await userDialog.getByLabel('姓名').fill('赵磊');
  await userDialog.getByLabel('所属组织').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '东区大客户部' }).click();
  await userDialog.getByLabel('角色').click();
  await chooseOption(page, '分公司经理');
  await userDialog.getByLabel('姓名').click(); // closes the role list
  await userDialog.getByLabel('初始密码').fill('short');
  await userDialog.getByRole('button', { name: SAVE }).click();
  // The server's password rule answers beside the password, then the taken username beside the username.
  await visible(fieldError(page, '初始密码').getByText('密码至少需要 8 个字符。'));
  await userDialog.getByLabel('初始密码').fill('Dongqu-KA-2026!');
  await userDialog.getByRole('button', { name: SAVE }).click();
  await visible(fieldError(page, '用户名').getByText('该值已被使用。'));
  await userDialog.getByLabel('用户名').fill('zhaolei');
  await userDialog.getByRole('button', { name: SAVE }).click();
  await userDialog.waitFor({ state: 'hidden' });
  const row = page.locator('tr', { hasText: 'zhaolei' });
  await visible(row.getByText('东区大客户部'));
  await visible(row.getByText('分公司经理'));
  await screenshot(page, 'admin-users-1280');

  const manager = await newPage();
  await signIn(manager, 'zhaolei', 'Dongqu-KA-2026!');
  const header = manager.locator('header');
  await visible(header.getByText('东区大客户部'));
  await visible(header.getByText('分公司经理'));
});

test('admin edits a role’s scope matrix; the change persists, and a stale save is refused and reloaded', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await openAdmin(page, adminPassword);
  await page.getByRole('tab', { name: '角色与权限' }).click();
  await pickRole(page, '销售代表');
  const exportCell = () => page.locator('td', { has: page.getByRole('combobox', { name: '所有记录类型 · 导出' }) });
  await visible(exportCell().getByText('无', { exact: true }));
  await page.getByRole('combobox', { name: '所有记录类型 · 导出' }).click();
  await chooseOption(page, '本部门');
  await page.getByRole('button', { name: '保存角色' }).click();
  await visible(page.getByText('已保存'));
  await screenshot(page, 'admin-roles-1280');

  await page.reload();
  await pickRole(page, '销售代表');
  await visible(exportCell().getByText('本部门', { exact: true }));

  // Someone else saves the role in another tab; this tab's save is then refused and the role reloaded.
  const other = await page.context().newPage();
  await other.goto('/admin/roles');
  await pickRole(other, '销售代表');
  await other.getByLabel('说明').fill('维护自己负责的客户。');
  await other.getByRole('button', { name: '保存角色' }).click();
  await visible(other.getByText('已保存'));
  await page.bringToFront(); // a tab in the background runs its timers and animations slowly

  await page.getByRole('combobox', { name: '所有记录类型 · 删除' }).click();
  await chooseOption(page, '本部门');
  await page.getByRole('button', { name: '保存角色' }).click();
  const stale = page.getByRole('dialog', { name: '角色已被他人修改' });
  await visible(stale.getByText('其他人已保存了这个角色'));
  await stale.getByRole('button', { name: '知道了' }).click();
  await visible(page.locator('input[value="维护自己负责的客户。"]'));
  await visible(exportCell().getByText('本部门', { exact: true }));
});

test('admin pages at 1280 px and the users page at 375 px', async ({ newPage, adminPassword, screenshot }) => {
  const page = await newPage();
  await openAdmin(page, adminPassword);
  await page.goto('/admin/users');
  await page.locator('tr', { hasText: 'wangfang' }).getByRole('button', { name: 'API 令牌' }).click();
  await visible(page.getByRole('dialog', { name: '「王芳」的 API 令牌' }).getByText('还没有 API 令牌'));

  await page.goto('/admin/custom-fields'); // straight there: a screenshot mid-way through the tab animation is no use
  // The customers module registers record types, so the page opens on the first one.
  await visible(page.getByRole('combobox', { name: '记录类型' }));
  await screenshot(page, 'admin-custom-fields-1280');

  const phone = await newPage({ width: 375, height: 740 });
  await signIn(phone, 'admin', adminPassword);
  await phone.goto('/admin/users');
  await visible(phone.locator('tr', { hasText: 'wangfang' }));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'admin-users-375');
});

test('a non-admin sees no admin link, gets “page not found” at the admin address, and manages own API tokens', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  await openUserMenu(page, /王芳/);
  await visible(page.getByRole('menuitem', { name: 'API 令牌' }));
  assert.equal(await page.getByRole('menuitem', { name: '系统管理', exact: true }).count(), 0);

  await page.getByRole('menuitem', { name: 'API 令牌' }).click();
  await page.getByLabel('令牌名称').fill('ERP 对接');
  await page.getByRole('button', { name: '生成令牌' }).click();
  await visible(page.getByText('令牌「ERP 对接」已生成'));
  await visible(page.getByText('关闭本提示后，令牌将不再显示', { exact: false }));
  const secret = (await page.getByTestId('new-token-secret').innerText()).trim();
  assert.ok(secret.length >= 20, `a token secret is shown (${secret})`);
  await visible(page.locator('tr', { hasText: 'ERP 对接' }).getByText('启用'));
  await screenshot(page, 'api-tokens-1280');
  await page
    .locator('tr', { hasText: 'ERP 对接' })
    .getByRole('button', { name: /吊\s*销/ })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /吊\s*销/ })
    .click();
  await visible(page.locator('tr', { hasText: 'ERP 对接' }).getByText('已吊销'));

  await page.goto('/admin/users');
  await visible(page.getByText('页面不存在'));
});
