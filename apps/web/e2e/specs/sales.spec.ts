// Sales in the browser: a lead posted through a campaign's web form is routed by the assignment rules to the 东区
// rep, who converts it onto the existing customer the duplicate rules find; a deal moves across the board to won —
// by its menu and by dragging. The 东区 manager sees it on the board; the 西区 rep does not.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiOf } from '../harness/api.ts';
import { assertAccessible } from '../harness/axe.ts';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

interface Column {
  stage: { id: string; name: string };
  count: number;
  items: { id: string; name: string }[];
}

const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage}：`) });

async function boardOf(page: Page, deal: string) {
  const api = await apiOf(page);
  const pipelines = await api.get<{ items: { id: string; isDefault: boolean }[] }>('/pipelines');
  const board = await api.get<{ columns: Column[] }>(`/opportunities/board/${pipelines.items.find((p) => p.isDefault)!.id}`);
  return board.columns.find((c) => c.items.some((i) => i.name === deal))?.stage.name;
}

test('a web-form lead is routed to the 东区 rep and converted onto the existing customer', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  // The administrator routes 浙江 leads to 东区销售一组 and publishes a campaign form.
  const adminPage = await newPage();
  await signIn(adminPage, 'admin', adminPassword);
  const admin = await apiOf(adminPage);
  const units = await admin.get<{ items: { id: string; code: string | null }[] }>('/org-units');
  const me = await admin.get<{ user: { id: string } }>('/auth/me');
  await admin.put('/lead-assignment-rules', {
    rules: [
      {
        name: '浙江线索归东区一组',
        conditions: { province: ['浙江省'] },
        targetOrgUnitId: units.items.find((u) => u.code === 'EAST-S1')!.id,
      },
    ],
  });
  await admin.post('/lead-forms', {
    key: 'ningbo-book-fair',
    name: '宁波书展',
    campaign: '2027宁波书展',
    fallbackUserId: me.user.id,
  });

  // The rep already has the customer, with the number the visitor will leave.
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const repApi = await apiOf(rep);
  const customer = await repApi.post<{ id: string }>('/customers', { name: '宁波天一书城有限公司', kind: 'organisation' });
  await repApi.post(`/customers/${customer.id}/identifiers`, { type: 'mobile', value: '139 0574 1234' });

  // A visitor posts the form, not signed in.
  const visitor = await newPage();
  const posted = await visitor.request.post('/api/v1/public/lead-forms/ningbo-book-fair', {
    data: { name: '周馆长', company: '天一书城', mobile: '13905741234', province: '浙江省', startedAt: Date.now() - 90_000 },
  });
  assert.equal(posted.status(), 202);

  // The rep is told, opens the lead and converts it onto the existing customer (pre-selected: same number).
  await rep.reload();
  await rep.getByRole('button', { name: /通知/ }).click();
  await rep
    .getByRole('listitem', { name: /新线索：周馆长/ })
    .getByRole('button', { name: '查看' })
    .click();
  await visible(rep.getByRole('heading', { name: '周馆长' }));
  await visible(rep.getByText('浙江线索归东区一组'));
  await rep.getByRole('button', { name: '转化线索' }).click();
  const dialog = rep.getByRole('dialog', { name: '转化线索“天一书城”' });
  await visible(dialog.getByRole('radio', { name: /宁波天一书城有限公司/ }));
  assert.equal(await dialog.getByRole('radio', { name: /宁波天一书城有限公司/ }).isChecked(), true);
  await dialog.getByLabel('商机名称').fill('天一书城年度馆配');
  await dialog.getByLabel('金额').fill('86000.00');
  await screenshot(rep, 'sales-convert-1280');
  await assertAccessible(rep, 'lead conversion dialog');
  await dialog.getByRole('button', { name: /转\s*化/ }).click();
  await visible(rep.getByRole('heading', { name: '天一书城年度馆配' }));
  await visible(rep.getByRole('link', { name: '宁波天一书城有限公司' }));
});

test('a deal moves across the board by its menu and by dragging; the 东区 manager sees it, the 西区 rep does not', async ({
  newPage,
  screenshot,
}) => {
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const repApi = await apiOf(rep);
  const customer = await repApi.post<{ id: string }>('/customers', { name: '绍兴鲁迅书店有限公司', kind: 'organisation' });
  await repApi.post('/opportunities', { name: '鲁迅书店年度馆配', customerId: customer.id, amount: '86000.00' });

  // On the board: moved by its menu, then dragged to won.
  await rep.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '商机看板' }).click();
  await visible(column(rep, '初步接洽').getByRole('link', { name: '鲁迅书店年度馆配' }));
  await column(rep, '初步接洽').getByRole('button', { name: '移动到…（鲁迅书店年度馆配）' }).click();
  await rep.locator('.ant-dropdown:visible').getByText('商务谈判', { exact: true }).click();
  await visible(rep.getByText('已移到“商务谈判”'));
  await visible(column(rep, '商务谈判').getByRole('link', { name: '鲁迅书店年度馆配' }));
  await screenshot(rep, 'sales-board-1280');
  await assertAccessible(rep, 'opportunity board');
  // Dragged to 赢单: the browser's drag events, as a mouse drag fires them, on the card and the column.
  const dataTransfer = await rep.evaluateHandle(() => new DataTransfer());
  await column(rep, '商务谈判')
    .locator('.ant-card', { hasText: '鲁迅书店年度馆配' })
    .dispatchEvent('dragstart', { dataTransfer });
  await column(rep, '赢单').dispatchEvent('dragover', { dataTransfer });
  await column(rep, '赢单').dispatchEvent('drop', { dataTransfer });
  await visible(column(rep, '赢单').getByRole('link', { name: '鲁迅书店年度馆配' }));
  await visible(rep.getByText('已移到“赢单”'));
  assert.equal(await boardOf(rep, '鲁迅书店年度馆配'), '赢单');

  // Moving it to lost asks for a reason first; cancelling leaves it won.
  await column(rep, '赢单').getByRole('button', { name: '移动到…（鲁迅书店年度馆配）' }).click();
  await rep.locator('.ant-dropdown:visible').getByText('输单', { exact: true }).click();
  await visible(rep.getByRole('dialog', { name: '“鲁迅书店年度馆配”输单' }));
  await rep.getByRole('button', { name: /取\s*消/ }).click();
  assert.equal(await boardOf(rep, '鲁迅书店年度馆配'), '赢单');

  // The 东区 manager sees the deal; the 西区 rep does not.
  const manager = await newPage();
  await signIn(manager, 'lina', DEMO_PASSWORD);
  assert.equal(await boardOf(manager, '鲁迅书店年度馆配'), '赢单');
  const west = await newPage();
  await signIn(west, 'liuyang', DEMO_PASSWORD);
  assert.equal(await boardOf(west, '鲁迅书店年度馆配'), undefined);

  // At phone width the columns scroll sideways inside the board, not the page.
  const phone = await newPage({ width: 375, height: 800 });
  await signIn(phone, 'wangfang', DEMO_PASSWORD);
  await phone.goto('/opportunities/board');
  await visible(column(phone, '初步接洽'));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'sales-board-375');
});
