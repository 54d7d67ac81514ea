// The generic record pages, driven through customers: create with a server error beside its field, inline edit
// and history, filters + column chooser + a saved default view, bulk edit of three, delete and restore from the
// recycle bin, the 412 dialog across two pages, a branch manager who sees only the branch, and phones.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { apiOf } from '../harness/api.ts';
import { assertAccessible } from '../harness/axe.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

interface Customer {
  id: string;
  name: string;
  orgUnitName: string;
  grade: string | null;
  shortName: string | null;
}

async function chooseOption(page: Page, text: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible').getByText(text, { exact: true }).click();
}

/** The count the list shows, from 「共 N 条」. */
async function listTotal(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /共 \d+ 条/ });
  await visible(status);
  return Number(/共 (\d+) 条/.exec(await status.innerText())![1]);
}

async function waitForTotal(page: Page, expected: number): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: `共 ${expected} 条` })
    .waitFor();
}

function fieldError(page: Page, label: string) {
  return page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
}

test('a sales rep creates a customer, sees a refused value beside its field, edits inline and finds it in the history', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  // A province outside the bundled list, as an old link or bookmark may still carry it.
  await page.goto(`/customers/new?province=${encodeURIComponent('火星省')}`);
  await visible(page.getByRole('heading', { name: '新建客户' }));
  await assertAccessible(page, 'the new-customer form');

  await page.getByLabel('客户名称').fill('杭州西溪湿地图书馆');
  await page.getByLabel('客户性质').click();
  await chooseOption(page, '单位客户');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  // The server refuses the province; its words appear under the region and nothing is created.
  await visible(fieldError(page, '地区'));
  assert.match(new URL(page.url()).pathname, /\/customers\/new$/);

  await page.getByRole('combobox', { name: '地区' }).fill('杭州');
  await page
    .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
    .filter({ hasText: /浙江省.*杭州市/ })
    .click();
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '杭州西溪湿地图书馆' }));
  assert.match(new URL(page.url()).pathname, /^\/customers\/[0-9a-f-]{36}$/);

  await page.getByRole('button', { name: '修改简称' }).click();
  await page.getByLabel('简称', { exact: true }).fill('西溪图书馆');
  await page.getByLabel('简称', { exact: true }).press('Enter');
  await visible(page.getByText(/✓ 已保存/));
  await visible(page.getByText('西溪图书馆', { exact: true }));
  await screenshot(page, 'records-customer-detail-1280');
  await assertAccessible(page, 'the customer detail page');

  await page.getByRole('tab', { name: '修改记录' }).click();
  await visible(page.getByText('王芳 修改了记录'));
  await visible(page.getByRole('cell', { name: '西溪图书馆' }));
  await visible(page.getByText('王芳 创建了记录'));
});

test('a branch manager filters customers by grade, adds a column, saves a default view and gets it back after a reload', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  await page.goto('/customers');
  const all = await listTotal(page);
  const api = await apiOf(page);
  const gradeA = (await api.get<{ total: number }>('/customers?filter[grade][in]=A&total=true&limit=1')).total;
  assert.ok(gradeA > 0 && gradeA < all, `the demo branch has some but not only A customers (${gradeA} of ${all})`);

  await page.getByRole('button', { name: /筛\s*选/ }).click();
  await page.getByLabel('添加筛选条件').click();
  await chooseOption(page, '客户等级');
  await page.getByRole('group', { name: '筛选' }).getByRole('combobox', { name: '客户等级' }).click();
  await chooseOption(page, 'A 级');
  await waitForTotal(page, gradeA);

  await page.getByRole('button', { name: '显示列' }).click();
  await page.locator('.ant-popover:visible').getByText('客户等级', { exact: true }).click();
  await visible(page.getByRole('columnheader', { name: '客户等级' }));
  await page.keyboard.press('Escape'); // closes the column chooser
  await assertAccessible(page, 'the customer list with a filter');

  await page.getByRole('button', { name: '另存为视图' }).click();
  const dialog = page.getByRole('dialog', { name: '保存视图' });
  await dialog.getByLabel('视图名称').fill('A 级客户');
  await dialog.getByText('设为我的默认视图').click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await visible(page.getByText('视图已保存'));
  await screenshot(page, 'records-customer-list-1280');

  await page.reload();
  await visible(page.getByText('A 级客户 · 默认'));
  await waitForTotal(page, gradeA);
  await visible(page.getByRole('columnheader', { name: '客户等级' }));
  const shown = await page.locator('tbody tr.ant-table-row').count();
  assert.equal(shown, Math.min(gradeA, 50));

  // The README's picture of a customer: a demo customer with its data filled in.
  await page.locator('tbody tr.ant-table-row').first().getByRole('link').first().click();
  await visible(page.getByRole('tab', { name: '联系人' }));
  await screenshot(page, 'records-customer-card-1280');
});

test('bulk edit of three customers shows progress and a result for each', async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  await page.goto('/customers');
  await listTotal(page);
  const rows = page.locator('tbody tr.ant-table-row');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    await rows.nth(i).getByRole('checkbox').check();
    ids.push((await rows.nth(i).getByRole('link').first().getAttribute('href'))!.split('/').pop()!);
  }
  await visible(page.getByText('已选 3 条'));
  await page.getByRole('button', { name: '批量操作' }).click();
  await page.getByRole('menuitem', { name: '批量修改' }).click();
  const dialog = page.getByRole('dialog', { name: '批量修改 3 条记录' });
  // Typed and confirmed with Enter, as a keyboard user would: a click can land while the list is still opening.
  await dialog.getByLabel('要修改的字段').fill('客户等级');
  await dialog.getByLabel('要修改的字段').press('Enter');
  await dialog.getByRole('combobox', { name: '客户等级' }).fill('D 级');
  await dialog.getByRole('combobox', { name: '客户等级' }).press('Enter');
  await dialog.getByRole('button', { name: '开始修改' }).click();
  await visible(dialog.getByText('已处理 3 / 3 条：成功 3 条，失败 0 条'));
  assert.equal(await dialog.locator('.ant-tag', { hasText: '成功' }).count(), 3);
  await dialog
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /关\s*闭/ })
    .click();

  const api = await apiOf(page);
  for (const id of ids) assert.equal((await api.get<Customer>(`/customers/${id}`)).grade, 'D');
});

test('a deleted customer leaves the list and comes back from the recycle bin', async ({ newPage, screenshot }) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const api = await apiOf(page);
  const created = await api.post<Customer>('/customers', { name: '待删除的测试客户', kind: 'organisation' });

  await page.goto(`/customers/${created.id}`);
  await page.getByRole('button', { name: /删\s*除/ }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await visible(page.getByText('“待删除的测试客户”已移入回收站'));
  await page.waitForURL((url) => url.pathname === '/customers');

  await page.goto('/recycle-bin');
  await visible(page.getByRole('heading', { name: '回收站' }));
  const row = page.locator('tr', { hasText: '待删除的测试客户' });
  await visible(row);
  await screenshot(page, 'records-recycle-bin-1280');
  await assertAccessible(page, 'the recycle bin');
  await row.getByRole('button', { name: /恢\s*复/ }).click();
  await visible(page.getByText('已恢复 1 条记录'));
  await row.waitFor({ state: 'detached' });

  await page.goto(`/customers/${created.id}`);
  await visible(page.getByRole('heading', { name: '待删除的测试客户' }));
});

test('two pages edit the same customer: the later save gets the conflict dialog with both values, then reloads', async ({
  newPage,
  screenshot,
}) => {
  const first = await newPage();
  await signIn(first, 'lina', DEMO_PASSWORD);
  const api = await apiOf(first);
  const target = await api.post<Customer>('/customers', { name: '并发编辑测试客户', kind: 'organisation', shortName: '原简称' });
  await first.goto(`/customers/${target.id}`);
  await visible(first.getByText('原简称', { exact: true }));

  const second = await newPage();
  await signIn(second, 'lina', DEMO_PASSWORD);
  await second.goto(`/customers/${target.id}`);
  await second.getByRole('button', { name: '修改简称' }).click();
  await second.getByLabel('简称', { exact: true }).fill('第二页的简称');
  await second.getByLabel('简称', { exact: true }).press('Enter');
  await visible(second.getByText(/✓ 已保存/));

  await first.bringToFront();
  await first.getByRole('button', { name: '修改简称' }).click();
  await first.getByLabel('简称', { exact: true }).fill('第一页的简称');
  await first.getByLabel('简称', { exact: true }).press('Enter');
  const dialog = first.getByRole('dialog', { name: '记录已被他人修改' });
  await visible(dialog.getByText('第一页的简称'));
  await visible(dialog.getByText('第二页的简称'));
  await screenshot(first, 'records-conflict-dialog-1280');
  await dialog.getByRole('button', { name: '重新加载' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The reload closes the editor and shows what is stored now.
  await visible(first.getByText('第二页的简称', { exact: true }));
  assert.equal(await first.getByLabel('简称', { exact: true }).count(), 0);
  assert.equal((await api.get<Customer>(`/customers/${target.id}`)).shortName, '第二页的简称');
});

test('a branch manager the admin creates in 西区分公司 sees only that branch’s customers', async ({ newPage, adminPassword }) => {
  const admin = await newPage();
  await signIn(admin, 'admin', adminPassword);
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: '新建用户' }).click();
  const dialog = admin.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill('xiqujingli');
  await dialog.getByLabel('姓名').fill('周敏');
  await dialog.getByLabel('所属组织').click();
  await admin.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '西区分公司' }).click();
  await dialog.getByLabel('角色').click();
  await chooseOption(admin, '分公司经理');
  await dialog.getByLabel('姓名').click(); // closes the role list
  await dialog.getByLabel('初始密码').fill('Xiqu-Manager-2026!');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  const everyone = (await (await apiOf(admin)).get<{ total: number }>('/customers?total=true&limit=1')).total;

  const manager = await newPage();
  await signIn(manager, 'xiqujingli', 'Xiqu-Manager-2026!');
  await manager.goto('/customers');
  const shown = await listTotal(manager);
  const visibleToManager = await (
    await apiOf(manager)
  ).get<{ items: Customer[]; total: number }>('/customers?total=true&limit=200');
  assert.equal(shown, visibleToManager.total);
  assert.ok(shown > 0 && shown < everyone, `the manager sees ${shown} of ${everyone} customers`);
  for (const customer of visibleToManager.items) assert.match(customer.orgUnitName, /^西区/, customer.name);
  // A customer of another branch is not found, not merely forbidden.
  const east = await (await apiOf(admin)).get<{ items: Customer[] }>('/customers?limit=200');
  const other = east.items.find((c) => !c.orgUnitName.startsWith('西区'))!;
  await manager.goto(`/customers/${other.id}`);
  await visible(manager.getByText('找不到这条记录'));
});

test('on a phone the customer list becomes cards and the pages fit 375 px', async ({ newPage, screenshot }) => {
  const page = await newPage({ width: 375, height: 800 });
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  await page.goto('/customers');
  await listTotal(page);
  await visible(page.locator('.ant-card').first());
  assert.equal(await page.locator('.ant-table').count(), 0, 'no table on a phone');
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'records-customer-list-375');
  await assertAccessible(page, 'the customer cards at 375 px');

  await page.locator('.ant-card a').first().click();
  await visible(page.getByRole('tab', { name: '详细信息' }));
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'records-customer-detail-375');
});
