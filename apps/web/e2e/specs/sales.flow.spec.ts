// The sales flow of issue 5 in one go, as its users live it: a lead arrives through a campaign's web form, the rule
// routes it to the 东区 rep, who converts it onto the customer she already has, wins the deal on the board and sees
// her plan vs actual (drilled, its conditions shown) and her scorecard grow by its amount; the 东区 manager sees it in the branch roll-up, and a
// 西区 manager cannot open the 东区 figures at all.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiOf } from '../harness/api.ts';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const DEAL = '嘉兴南湖书苑年度馆配';
const AMOUNT_FEN = 12_345_678n; // ¥123,456.78

interface PlanRow {
  userId: string | null;
  name: string;
  revenue: { actual: string };
}
interface Plan {
  unit: PlanRow;
  children: PlanRow[];
  people: PlanRow[];
}

/** The quarter of today, as the planning pages open on it. */
function thisQuarter(): string {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

const fen = (amount: string): bigint => BigInt(amount.replace('.', ''));
/** ¥123,456.78, as the pages print money. */
const yuan = (value: bigint): string => {
  const text = value.toString().padStart(3, '0');
  const whole = BigInt(text.slice(0, -2)).toLocaleString('en-US');
  return `¥${whole}.${text.slice(-2)}`;
};

async function planOf(page: Page, orgUnitId?: string): Promise<Plan> {
  const api = await apiOf(page);
  return api.get<Plan>(`/sales-plan-vs-actual?period=${thisQuarter()}${orgUnitId ? `&orgUnitId=${orgUnitId}` : ''}`);
}

const row = (page: Page, name: string | RegExp) => page.locator('tr.ant-table-row', { hasText: name });
const menu = (page: Page, item: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: item }).click();

test('a web-form lead becomes a won deal that the rep’s plan, scorecard and the branch roll-up show; 西区 cannot see it', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  // The administrator routes 浙江 leads to 东区销售一组, publishes a form and appoints a 西区 branch manager.
  const adminPage = await newPage();
  await signIn(adminPage, 'admin', adminPassword);
  const admin = await apiOf(adminPage);
  const units = await admin.get<{ items: { id: string; code: string | null }[] }>('/org-units');
  const unit = (code: string) => units.items.find((u) => u.code === code)!.id;
  const me = await admin.get<{ user: { id: string } }>('/auth/me');
  await admin.put('/lead-assignment-rules', {
    rules: [{ name: '浙江线索归东区一组', conditions: { province: ['浙江省'] }, targetOrgUnitId: unit('EAST-S1') }],
  });
  await admin.post('/lead-forms', {
    key: 'jiaxing-flow',
    name: '嘉兴读书节',
    campaign: '嘉兴读书节',
    fallbackUserId: me.user.id,
  });
  const roles = await admin.get<{ items: { id: string; key: string | null }[] }>('/roles');
  const westPassword = 'west-branch-manager-2026';
  await admin.post('/users', {
    username: 'zhaoqiang',
    displayName: '赵强',
    orgUnitId: unit('WEST'),
    roleIds: [roles.items.find((r) => r.key === 'branch_manager')!.id],
    password: westPassword,
  });

  // The rep already has the customer, with the mobile number the visitor will leave; her figures before the deal.
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const repApi = await apiOf(rep);
  const customer = await repApi.post<{ id: string }>('/customers', { name: '嘉兴南湖书苑有限公司', kind: 'organisation' });
  await repApi.post(`/customers/${customer.id}/identifiers`, { type: 'mobile', value: '139 0573 8888' });
  const manager = await newPage();
  await signIn(manager, 'lina', DEMO_PASSWORD);
  const repBefore = fen((await planOf(rep)).people.find((p) => p.name === '王芳')!.revenue.actual);
  const branchBefore = fen((await planOf(manager)).unit.revenue.actual);

  // A visitor posts the form, not signed in.
  const visitor = await newPage();
  const posted = await visitor.request.post('/api/v1/public/lead-forms/jiaxing-flow', {
    data: { name: '沈主任', company: '南湖书苑', mobile: '13905738888', province: '浙江省', startedAt: Date.now() - 90_000 },
  });
  assert.equal(posted.status(), 202);

  // The rep is told, converts the lead onto her customer (found by the number) with the deal's amount.
  await rep.reload();
  await rep.getByRole('button', { name: /通知/ }).click();
  await rep
    .getByRole('listitem', { name: /新线索：沈主任/ })
    .getByRole('button', { name: '查看' })
    .click();
  await visible(rep.getByText('浙江线索归东区一组'));
  await rep.getByRole('button', { name: '转化线索' }).click();
  const dialog = rep.getByRole('dialog', { name: '转化线索“南湖书苑”' });
  assert.equal(await dialog.getByRole('radio', { name: /嘉兴南湖书苑有限公司/ }).isChecked(), true);
  await dialog.getByLabel('商机名称').fill(DEAL);
  await dialog.getByLabel('金额').fill('123456.78');
  await dialog.getByRole('button', { name: /转\s*化/ }).click();
  await visible(rep.getByRole('heading', { name: DEAL }));

  // Across the board to won, by the card's menu.
  await menu(rep, '商机看板');
  const column = (stage: string) => rep.getByRole('region', { name: new RegExp(`^${stage}：`) });
  await visible(column('初步接洽').getByRole('link', { name: DEAL }));
  await column('初步接洽')
    .getByRole('button', { name: `移动到…（${DEAL}）` })
    .click();
  await rep.locator('.ant-dropdown:visible').getByText('赢单', { exact: true }).click();
  await visible(column('赢单').getByRole('link', { name: DEAL }));

  // Her plan vs actual and her scorecard's results grow by the deal's amount, to the fen.
  const repAfter = yuan(repBefore + AMOUNT_FEN);
  await menu(rep, '销售计划');
  await visible(row(rep, '王芳').getByText(repAfter));
  await screenshot(rep, 'sales-flow-plan-1280');
  // The figure opens the records behind it — her sold orders (the demo gives her some), else her won deals — and the
  // filter panel shows the drill's conditions (her unit, the quarter's days).
  await row(rep, '王芳')
    .getByRole('link', { name: /王芳的销售额明细/ })
    .click();
  await visible(rep.getByRole('heading', { name: /^(订单|商机)$/ }));
  assert.match(rep.url(), /\/(orders|opportunities)\?.*filter/);
  const conditions = rep.getByRole('group', { name: '筛选' });
  await visible(conditions.getByText('已按链接筛选（1 项）'));
  const [first, last] = [
    conditions.locator('.ant-picker-range input').first(),
    conditions.locator('.ant-picker-range input').last(),
  ];
  assert.match(await first.inputValue(), /^\d{4}-(01|04|07|10)-01$/);
  assert.match(await last.inputValue(), /^\d{4}-(03-31|06-30|09-30|12-31)$/);
  await screenshot(rep, 'sales-flow-drill-1280');
  await menu(rep, '评分卡');
  const card = row(rep, '王芳');
  await card.getByRole('button', { name: /展开|Expand/ }).click();
  await visible(rep.getByText(new RegExp(repAfter.replace(/[.$]/g, '\\$&'))));

  // The 东区 manager's branch roll-up holds it.
  await menu(manager, '销售计划');
  await visible(row(manager, '东区分公司').getByText(yuan(branchBefore + AMOUNT_FEN)));
  await screenshot(manager, 'sales-flow-branch-1280');

  // The 西区 manager sees the 西区 and cannot open the 东区 figures.
  const west = await newPage();
  await signIn(west, 'zhaoqiang', westPassword);
  await menu(west, '销售计划');
  await visible(west.getByText(`西区分公司 · ${thisQuarter()} 计划与实际`));
  assert.equal(await row(west, '东区分公司').count(), 0);
  const refused = await west.request.get(`/api/v1/sales-plan-vs-actual?period=${thisQuarter()}&orgUnitId=${unit('EAST')}`);
  assert.equal(refused.status(), 404);
  await west.goto(`/sales/plan?unit=${unit('EAST')}`);
  await visible(west.getByText(/找不到|无权|不存在/));
});
