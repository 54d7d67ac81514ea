// Customer 360 in the browser: the create form warns of a likely duplicate; a customer created in Chinese gets a
// phone number on its card and is then found from the command palette by its initials and by that phone's last digits;
// the region is picked with one cascader and free tags are typed, the list filters by a tag, the card's account team
// takes a member; merge of a duplicate; a visit on the timeline.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiOf } from '../harness/api.ts';
import { assertAccessible } from '../harness/axe.ts';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

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

test('a duplicate is merged into a customer: chosen values survive, its contacts move, it goes to the bin', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  const api = await apiOf(page);
  const post = (path: string, data: unknown) => api.post<{ id: string }>(path, data);
  const target = await post('/customers', { name: '嘉兴南湖书城有限公司', kind: 'organisation', grade: 'C' });
  const source = await post('/customers', { name: '嘉兴南湖书城（嘉兴）有限公司', kind: 'organisation', grade: 'A' });
  await post('/contacts', { customerId: source.id, name: '沈佳' });

  await page.goto(`/customers/${target.id}`);
  await page.getByRole('button', { name: '合并重复客户' }).click();
  const dialog = page.getByRole('dialog', { name: '把重复客户合并到“嘉兴南湖书城有限公司”' });
  await dialog.getByRole('combobox', { name: '选择要合并进来的重复客户' }).fill('嘉兴南湖书城（');
  await page.locator('.ant-select-dropdown:visible').getByText('嘉兴南湖书城（嘉兴）有限公司').click();
  await dialog.getByRole('radiogroup', { name: '客户等级' }).getByText('A 级').click();
  await screenshot(page, 'customers-merge-1280');
  await dialog.getByRole('button', { name: /^合\s*并$/ }).click();
  await visible(page.getByText('“嘉兴南湖书城（嘉兴）有限公司”已合并到本客户'));

  const merged = await api.get<{ grade: string }>(`/customers/${target.id}`);
  assert.equal(merged.grade, 'A');
  assert.equal((await page.request.get(`/api/v1/customers/${source.id}`)).status(), 404);
  await page.getByRole('tab', { name: '联系人' }).click();
  await visible(page.getByRole('link', { name: '沈佳' }));
});

test('a visit logged from the customer card shows on its timeline', async ({ newPage, screenshot }) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  const api = await apiOf(page);
  const customer = await api.post<{ id: string }>('/customers', { name: '湖州南浔古镇文化旅游有限公司', kind: 'organisation' });
  await page.goto(`/customers/${customer.id}`);
  await page.getByRole('button', { name: '记录拜访' }).click();
  await visible(page.getByRole('heading', { name: '新建活动' }));
  await page.getByLabel('主题').fill('拜访沈总，谈明年的研学合作');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '拜访沈总，谈明年的研学合作' }));

  await page.goto(`/customers/${customer.id}`);
  await page.getByRole('tab', { name: '时间线' }).click();
  await visible(page.getByRole('link', { name: '拜访沈总，谈明年的研学合作' }));
  await screenshot(page, 'customers-timeline-1280');
});

test('a customer gets its region from the cascader and free tags, is filtered by a tag, and its region is edited in place', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  await page.goto('/customers/new');
  await page.getByLabel('客户名称').fill('北京朝阳望京书店有限公司');
  await page.getByLabel('客户性质').click();
  await page.locator('.ant-select-dropdown:visible').getByText('单位客户', { exact: true }).click();

  // Typing part of a district's name finds it under its city and province.
  await page.getByRole('combobox', { name: '地区' }).fill('朝阳');
  const chaoyang = page
    .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
    .filter({ hasText: /北京市.*北京市.*朝阳区/ });
  await visible(chaoyang);
  await screenshot(page, 'customers-form-cascader-search-1280');
  await chaoyang.click();
  await visible(page.getByTitle('北京市 / 北京市 / 朝阳区'));

  // One suggested tag picked from the list, one new tag typed.
  const tags = page.getByRole('combobox', { name: '标签' });
  await tags.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '贵宾' }).click();
  const chosen = page.locator('.ant-form-item', { has: tags });
  await visible(chosen.getByText('贵宾', { exact: true }));
  await tags.pressSequentially('望京书展');
  await tags.press('Enter');
  await visible(chosen.getByText('望京书展', { exact: true }));
  await visible(chosen.getByText('贵宾', { exact: true }));
  await page.keyboard.press('Escape');
  await assertAccessible(page, 'the customer form with the region cascader and tags');
  await screenshot(page, 'customers-form-region-tags-1280');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '北京朝阳望京书店有限公司' }));
  const customerPath = new URL(page.url()).pathname;
  await visible(page.getByText('北京市 / 北京市 / 朝阳区'));
  await visible(page.locator('.ant-tag', { hasText: '望京书展' }));
  await visible(page.locator('.ant-tag', { hasText: '贵宾' }));

  // The region is edited in place on the card with the same cascader.
  await page.getByRole('button', { name: '修改地区' }).click();
  await page.getByRole('combobox', { name: '地区' }).fill('海淀');
  await page
    .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
    .filter({ hasText: /北京市.*北京市.*海淀区/ })
    .click();
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await visible(page.getByText('北京市 / 北京市 / 海淀区'));
  const saved = await (await apiOf(page)).get<{ district: string; tags: string[] }>(customerPath);
  assert.equal(saved.district, '海淀区');
  assert.deepEqual(saved.tags, ['vip', '望京书展']);

  // The list filtered by the new tag shows this customer only.
  await page.goto('/customers');
  await page.getByRole('button', { name: /筛\s*选/ }).click();
  await page.getByLabel('添加筛选条件').click();
  await page.locator('.ant-select-dropdown:visible').getByText('标签', { exact: true }).click();
  await page.getByRole('group', { name: '筛选' }).getByRole('combobox', { name: '标签' }).fill('望京');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '望京书展' }).click();
  await page.getByRole('status').filter({ hasText: '共 1 条' }).waitFor();
  await visible(page.getByRole('link', { name: '北京朝阳望京书店有限公司' }));
});

test('the account team on the customer card takes a colleague who may edit; form and card fit a phone', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  const customer = await (
    await apiOf(page)
  ).post<{ id: string }>('/customers', {
    name: '上海静安书友会有限公司',
    kind: 'organisation',
    province: '上海市',
    city: '上海市',
    district: '静安区',
    tags: ['老客户', '读书会'],
  });
  const customerPath = `/customers/${customer.id}`;
  await page.goto(customerPath);

  // The owner as account manager, then a colleague who may edit.
  const team = page.getByRole('region', { name: '客户团队' });
  await visible(team.getByText('客户经理'));
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByRole('combobox', { name: '选择同事' }).fill('王芳');
  await page.locator('.ant-select-dropdown:visible').getByText('王芳（wangfang）').click();
  await page.getByRole('combobox', { name: '权限' }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('可编辑', { exact: true }).click();
  await page.getByRole('button', { name: /^添\s*加$/ }).click();
  await visible(page.getByText('已添加到客户团队'));
  await visible(team.getByRole('listitem').filter({ hasText: '王芳' }).getByText('可编辑'));
  await assertAccessible(page, 'the customer card with its team');
  await screenshot(page, 'customers-card-team-1280');

  const phone = await newPage({ width: 375, height: 800 });
  await signIn(phone, 'lina', DEMO_PASSWORD);
  await phone.goto(`${customerPath}/edit`);
  await visible(phone.getByTitle('上海市 / 上海市 / 静安区'));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'customers-form-region-tags-375');
  await phone.goto(customerPath);
  await visible(phone.getByRole('region', { name: '客户团队' }).getByText('王芳'));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'customers-card-team-375');
});

test('an activity links a related record picked by type and name, and its page links to it; provinces filter the list', async ({
  newPage,
}) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  const api = await apiOf(page);
  const customer = await api.post<{ id: string }>('/customers', { name: '宁波天一阁文化发展有限公司', kind: 'organisation' });
  const other = await api.post<{ id: string }>('/customers', {
    name: '宁波月湖书院有限公司',
    kind: 'organisation',
    province: '浙江省',
    city: '宁波市',
  });

  await page.goto(`/activities/new?customerId=${customer.id}&kind=call`);
  await page.getByLabel('主题').fill('介绍月湖书院的合作');
  await page.getByRole('combobox', { name: '记录类型' }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('客户', { exact: true }).click();
  await page.getByRole('combobox', { name: '搜索记录' }).fill('月湖书院');
  await page.locator('.ant-select-dropdown:visible').getByText('宁波月湖书院有限公司').click();
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '介绍月湖书院的合作' }));
  await page.getByRole('link', { name: '宁波月湖书院有限公司' }).click();
  await page.waitForURL((url) => url.pathname === `/customers/${other.id}`);

  const zhejiang = (
    await api.get<{ total: number }>(`/customers?filter[province][in]=${encodeURIComponent('浙江省')}&total=true&limit=1`)
  ).total;
  await page.goto('/customers');
  await page.getByRole('button', { name: /筛\s*选/ }).click();
  await page.getByLabel('添加筛选条件').fill('省份');
  await page.locator('.ant-select-dropdown:visible').getByText('省份', { exact: true }).click();
  await page.getByRole('group', { name: '筛选' }).getByRole('combobox', { name: '省份' }).fill('浙江');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '浙江省' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `共 ${zhejiang} 条` })
    .waitFor();
  await visible(page.getByRole('link', { name: '宁波月湖书院有限公司' }));
});

test('a sales rep sees the account team of her customer but cannot change it', async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const api = await apiOf(page);
  const customer = await api.post<{ id: string }>('/customers', { name: '嘉兴月河书局有限公司', kind: 'organisation' });
  await page.goto(`/customers/${customer.id}`);
  const team = page.getByRole('region', { name: '客户团队' });
  await visible(team.getByText('王芳'));
  await visible(team.getByText('客户经理'));
  assert.equal(await page.getByRole('button', { name: '添加成员' }).count(), 0);
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string; user: { id: string } };
  const refused = await page.request.post(`/api/v1/customers/${customer.id}/shares`, {
    data: { userId: me.user.id, access: 'edit' },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  assert.equal(refused.status(), 403);
});
