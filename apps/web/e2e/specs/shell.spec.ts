// The signed-in shell: side navigation grouped by subsystem (系统管理 for administrators only), the command palette
// (Ctrl+K, `/`, arrows, Enter, Esc), the notifications bell fed by the event stream, the phone layout at 375 px,
// and axe-core on the main screens.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { EntityMeta, Notification, NotificationList, SearchResponse } from '@guanxi/contracts';
import { test } from '../harness/runner.ts';
import { assertAccessible } from '../harness/axe.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, openLogin, signIn, visible } from '../harness/flows.ts';

const sideNav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
/** Waits until the navigation marks `name` as the current page. */
const current = (nav: Locator, name: string) => visible(nav.locator('[aria-current="page"]', { hasText: name }));
/** The browser tab's title is set after the page renders: wait for it. */
const titleIs = (page: Page, title: string) =>
  page
    .waitForFunction((expected) => document.title === expected, title, { timeout: 5000 })
    .catch(async () => assert.equal(await page.title(), title));
const palette = (page: Page) => page.getByRole('dialog', { name: '搜索与跳转' });

/** A record type as /meta describes it; only what the shell reads matters here. */
function entityMeta(
  name: string,
  plural: string,
  label: string,
  subsystem: EntityMeta['subsystem'],
  create: 'none' | 'own',
): EntityMeta {
  return {
    name,
    plural,
    label,
    subsystem,
    titleField: 'name',
    fields: [],
    sections: [],
    defaultSort: [],
    relations: [],
    permissions: { read: 'own', create, update: 'own', delete: 'none', assign: 'none', export: 'none' },
  };
}

/** /meta answered with record types of three subsystems, as later modules will register them. */
async function withRecordTypes(page: Page): Promise<void> {
  const entities = [
    entityMeta('opportunity', 'opportunities', '商机', 'sales', 'own'),
    entityMeta('customer', 'customers', '客户', 'customers', 'own'),
    entityMeta('contact', 'contacts', '联系人', 'customers', 'none'),
    entityMeta('case', 'cases', '服务工单', 'service', 'own'),
  ];
  await page.route('**/api/v1/meta', (route) => route.fulfill({ json: { entities } }));
}

test('shell: side navigation: 工作台, a group per subsystem in business order, 回收站; 系统管理 only for administrators', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await withRecordTypes(page);
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const nav = sideNav(page);
  await visible(nav.getByRole('menuitem', { name: '工作台' }));
  await titleIs(page, '个人工作台 · 关系 Guanxi · 客户关系管理');
  // The first Tab stop skips the header and the navigation.
  await page.keyboard.press('Tab');
  await visible(page.getByRole('link', { name: '跳到主要内容' }));
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
  const entries = await nav.locator('.ant-menu-item, .ant-menu-item-group-title').allInnerTexts();
  // 商机看板 and the planning pages are the sales module's own pages, listed with the record types they show.
  assert.deepEqual(entries, [
    '工作台',
    '客户',
    '客户',
    '联系人',
    '销售',
    '商机',
    '商机看板',
    '销售计划',
    '销售预测',
    '评分卡',
    '销售仪表盘',
    '服务',
    '服务工单',
    '回收站',
  ]);
  assert.equal(await nav.getByText('系统管理').count(), 0, 'a sales rep sees no 系统管理');
  await current(nav, '工作台');

  await nav.getByRole('menuitem', { name: '商机', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/opportunities');
  await current(nav, '商机');

  // Collapsed to icons (kept after a reload), the groups open beside the bar.
  await page.getByRole('button', { name: '收起导航' }).click();
  await page.reload();
  await visible(page.getByRole('button', { name: '展开导航' }));
  await nav.getByRole('menuitem', { name: '客户' }).click();
  await visible(page.getByRole('menuitem', { name: '联系人' }));
  await screenshot(page, 'shell-1280-collapsed');
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await page.waitForURL((url) => url.pathname === '/contacts');
  await page.getByRole('button', { name: '展开导航' }).click();
  await visible(nav.getByText('销售'));

  const admin = await newPage();
  await signIn(admin, 'admin', adminPassword);
  await sideNav(admin).getByRole('menuitem', { name: '系统管理' }).click();
  await admin.waitForURL((url) => url.pathname === '/admin/org-units');
  await current(sideNav(admin), '系统管理');
  await titleIs(admin, '组织架构 · 系统管理 · 关系 Guanxi · 客户关系管理');
});

test('shell: record types of the real server are in the navigation beside 回收站, and the bell listens to the event stream', async ({
  newPage,
}) => {
  const page = await newPage();
  const meta = page.waitForResponse('**/api/v1/meta');
  const stream = page.waitForResponse('**/api/v1/events/stream');
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const { entities } = (await (await meta).json()) as { entities: EntityMeta[] };
  for (const entity of entities) await visible(sideNav(page).getByRole('menuitem', { name: entity.label }));
  await visible(sideNav(page).getByRole('menuitem', { name: '回收站' }));
  // Empty (通知) or with the leads other specs routed to 王芳 (通知，2 条未读).
  await visible(page.getByRole('button', { name: /^通知(，\d+ 条未读)?$/ }));
  const answer = await stream;
  assert.equal(answer.status(), 200);
  assert.match((await answer.headerValue('content-type')) ?? '', /^text\/event-stream/);
});

test('shell: command palette: Ctrl+K and / open it, typing finds a page, Enter opens it, Esc closes', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await withRecordTypes(page);
  await page.route('**/api/v1/search?*', (route) => {
    const q = new URL(route.request().url()).searchParams.get('q');
    const items = q === '北京' ? [{ id: '0190a1b2-0000-7000-8000-000000000001', title: '北京东区贸易有限公司' }] : [];
    return route.fulfill({
      json: { query: q, groups: items.length ? [{ type: 'customer', plural: 'customers', label: '客户', items }] : [] },
    });
  });
  await signIn(page, 'admin', adminPassword);

  await page.keyboard.press('Control+K');
  await visible(palette(page));
  await assertAccessible(page, 'the command palette');
  await screenshot(page, 'shell-palette-1280');
  await page.keyboard.press('Escape');
  await palette(page).waitFor({ state: 'hidden' });

  await page.locator('main').click({ position: { x: 5, y: 5 } }); // not in a field
  await page.keyboard.press('/');
  await visible(palette(page));
  const input = palette(page).getByRole('combobox', { name: '搜索页面、记录和操作' });
  await input.fill('用户');
  await visible(palette(page).getByRole('option', { name: /^用户/ }));
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/admin/users');
  await palette(page).waitFor({ state: 'hidden' });

  // Actions for the types the user may create, and records from the server's search; arrows choose.
  await page.keyboard.press('Control+K');
  await input.fill('新建');
  await visible(palette(page).getByRole('option', { name: '新建客户' }));
  assert.equal(await palette(page).getByRole('option', { name: '新建联系人' }).count(), 0, 'no create right on contacts');
  await input.fill('北京');
  await visible(palette(page).getByRole('group', { name: '客户' }).getByRole('option', { name: '北京东区贸易有限公司' }));
  await input.fill('新建');
  await visible(palette(page).getByRole('option', { name: '新建商机', selected: true }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await visible(palette(page).getByRole('option', { name: '新建服务工单', selected: true }));
  await page.keyboard.press('ArrowDown');
  await visible(palette(page).getByRole('option', { name: '新建商机', selected: true }));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/cases/new');
});

test('shell: the palette finds a demo customer by pinyin, opens it, and the desk lists it under recent records', async ({
  newPage,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  await page.keyboard.press('Control+K');
  await palette(page).getByRole('combobox').fill('fudan');
  const customers = palette(page).getByRole('group', { name: '客户' });
  await visible(customers.getByRole('option', { name: '复旦大学图书馆' }));
  await customers.getByRole('option', { name: '复旦大学图书馆' }).click();
  await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname));
  const detail = new URL(page.url()).pathname;
  await visible(page.getByRole('heading', { name: '复旦大学图书馆' }));

  await sideNav(page).getByRole('menuitem', { name: '工作台' }).click();
  await visible(page.getByRole('heading', { name: '个人工作台' }));
  const recent = page.locator('.ant-card', { hasText: '最近访问' }).getByRole('link', { name: '复旦大学图书馆', exact: true });
  await visible(recent);
  assert.equal(await recent.getAttribute('href'), detail);
});

test('shell: a task reminder fired by the server arrives through the event stream, opens the task and is read', async ({
  newPage,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const search = await page.request.get(`/api/v1/search?q=${encodeURIComponent('复旦大学图书馆')}&limit=1`);
  const customerId = ((await search.json()) as SearchResponse).groups.find((g) => g.plural === 'customers')!.items[0]!.id;

  // The bell's list is open before the reminder fires: it must arrive live, not on a reload.
  await page.getByRole('button', { name: /^通知/ }).click();
  const subject = `回访复旦大学图书馆 ${Date.now()}`;
  const created = await page.request.post('/api/v1/activities', {
    headers: { 'x-csrf-token': csrfToken },
    data: { kind: 'task', subject, customerId, status: 'open', remindAt: new Date(Date.now() + 3000).toISOString() },
  });
  assert.equal(created.status(), 201, await created.text());
  const taskId = ((await created.json()) as { id: string }).id;

  const item = page.getByRole('listitem', { name: `未读: 任务提醒：${subject}` });
  await item.waitFor({ state: 'visible', timeout: 20_000 });
  await visible(page.locator('.ant-notification-notice', { hasText: subject }));
  await item.getByRole('button', { name: '查看' }).click();
  await page.waitForURL((url) => url.pathname === `/activities/${taskId}`);
  const list = (await (await page.request.get('/api/v1/notifications?limit=5')).json()) as NotificationList;
  assert.notEqual(list.items.find((n) => n.title.endsWith(subject))?.readAt ?? null, null, 'opened means read');
});

/**
 * The stream, the list and the read marks played by the test, to push at a chosen moment and to exercise
 * reconnection: each stream connection sends `ready` and what was pushed meanwhile, then ends, and the browser
 * reconnects (as after a dropped connection). The real server's path is the task-reminder test above.
 */
async function fakeNotifications(page: Page) {
  const items: Notification[] = [];
  const reads: string[] = [];
  let pending: Notification[] = [];
  const unread = () => items.filter((n) => !n.readAt).length;
  await page.route(
    (url) => url.pathname === '/api/v1/events/stream' || url.pathname.startsWith('/api/v1/notifications'),
    (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/api/v1/events/stream') {
        const frames = pending.map((n) => `id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
        pending = [];
        const body = `retry: 300\n\nevent: ready\ndata: ${JSON.stringify({ unread: unread() })}\n\n${frames.join('')}`;
        return route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body });
      }
      const read = /^\/api\/v1\/notifications\/([^/]+)\/read$/.exec(pathname);
      if (read) {
        const item = items.find((n) => n.id === read[1])!;
        item.readAt = new Date().toISOString();
        reads.push(item.id);
        return route.fulfill({ json: item });
      }
      return route.fulfill({ json: { items: [...items].reverse(), nextCursor: null, unread: unread() } });
    },
  );
  return {
    reads,
    push(notification: Pick<Notification, 'title' | 'body' | 'link'>) {
      const n = {
        id: `0190a1b2-0000-7000-8000-00000000000${items.length + 1}`,
        kind: 'customer.assigned',
        readAt: null,
        createdAt: new Date().toISOString(),
        ...notification,
      };
      items.push(n);
      pending.push(n);
    },
  };
}

test('shell: the bell shows a notification pushed while the page is open and marks it read', async ({ newPage, screenshot }) => {
  const page = await newPage();
  const notifications = await fakeNotifications(page);
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  // Empty (通知) or with the leads other specs routed to 王芳 (通知，2 条未读).
  await visible(page.getByRole('button', { name: /^通知(，\d+ 条未读)?$/ }));

  notifications.push({ title: '新客户已分配给您', body: '北京东区贸易有限公司已由李娜分配给您跟进。', link: '/customers/1' });
  const bell = page.getByRole('button', { name: '通知，1 条未读' });
  await visible(bell);
  await visible(page.locator('.ant-notification-notice', { hasText: '新客户已分配给您' }));
  await bell.click();
  const item = page.getByRole('listitem', { name: '未读: 新客户已分配给您' });
  await visible(item.getByText('北京东区贸易有限公司已由李娜分配给您跟进。'));
  await visible(item.getByText('刚刚'));
  await assertAccessible(page, 'the notifications popover');
  await screenshot(page, 'shell-notifications-1280');
  await item.getByRole('button', { name: '标为已读' }).click();
  // Empty (通知) or with the leads other specs routed to 王芳 (通知，2 条未读).
  await visible(page.getByRole('button', { name: /^通知(，\d+ 条未读)?$/ }));
  assert.deepEqual(notifications.reads, ['0190a1b2-0000-7000-8000-000000000001']);

  // The open list follows the stream too.
  notifications.push({ title: '合同即将到期', body: null, link: '/customers/1' });
  await visible(page.getByRole('button', { name: '通知，1 条未读' }));
  await page.getByRole('listitem', { name: '未读: 合同即将到期' }).getByRole('button', { name: '查看' }).click();
  await page.waitForURL((url) => url.pathname === '/customers/1');
  // Empty (通知) or with the leads other specs routed to 王芳 (通知，2 条未读).
  await visible(page.getByRole('button', { name: /^通知(，\d+ 条未读)?$/ }));
});

test('shell: at 375 px the shell fits the phone, the navigation is in a drawer and targets are big enough', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage({ width: 375, height: 740 });
  await withRecordTypes(page);
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  assert.equal(await sideNav(page).count(), 0, 'no side bar on a phone');
  await assertNoHorizontalOverflow(page);
  for (const button of await page.locator('header button, header a').all()) {
    const box = (await button.boundingBox())!;
    assert.ok(box.width >= 24 && box.height >= 24, `${await button.innerText()} is ${box.width}×${box.height} px`);
  }
  await screenshot(page, 'shell-375');

  await page.getByRole('button', { name: '打开导航菜单' }).click();
  const drawer = page.getByRole('dialog', { name: '导航' });
  await visible(drawer.getByRole('menuitem', { name: '商机', exact: true }));
  await assertNoHorizontalOverflow(page);
  await assertAccessible(page, 'the navigation drawer at 375 px');
  await screenshot(page, 'shell-375-drawer');
  await drawer.getByRole('menuitem', { name: '回收站' }).click();
  await page.waitForURL((url) => url.pathname === '/recycle-bin');
  await drawer.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: '搜索' }).click();
  await visible(palette(page));
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'shell-375-palette');
});

test('shell: axe finds no serious or critical problem on the login page, desk, admin pages and API tokens', async ({
  newPage,
  adminPassword,
}) => {
  const page = await newPage();
  await openLogin(page);
  await assertAccessible(page, 'the login page');
  await signIn(page, 'admin', adminPassword);
  await assertAccessible(page, 'the personal desk');
  for (const [path, heading] of [
    ['/admin/org-units', '组织架构图'],
    ['/admin/users', '用户'],
    ['/admin/roles', '角色与权限'],
    ['/admin/custom-fields', '自定义字段'],
    ['/api-tokens', 'API 令牌'],
  ] as const) {
    await page.goto(path);
    await visible(page.getByText(heading));
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await assertAccessible(page, path);
  }
});
