// Approvals in the browser: an administrator changes a role's discount limit (a value above 100 % refused beside its
// field) and the approval chain (steps reordered by ↑↓, an unlimited step that is not the last refused beside its
// field) in 系统管理 › 商务设置; 王芳 submits quotes beyond her limit through the API and 李娜 approves one and rejects
// another (a comment required) in 待我审批, and the quote's history shows the decision. Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiOf } from '../harness/api.ts';
import { assertAccessible } from '../harness/axe.ts';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const SAVE = /保\s*存/;

interface Limits {
  items: { roleId: string; roleKey: string; roleName: string; maxPercent: string | null }[];
}
interface Chain {
  steps: { name: string; roleId: string; upToPercent: string | null; appliesTo: string[]; active: boolean }[];
}

/** Phone width: the commerce tables turn into cards once antd's breakpoint hook has seen the new width. */
async function atPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#main-content .ant-table').first().waitFor({ state: 'detached' });
}

test('commerce approvals: an administrator sets a role’s discount limit and the approval chain in 商务设置', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'admin', adminPassword);
  const api = await apiOf(page);
  const limitsBefore = await api.get<Limits>('/commerce/discount-limits');
  const chainBefore = await api.get<Chain>('/commerce/approval-chain');
  try {
    await page.goto('/admin/commerce-settings');
    await visible(page.getByRole('tab', { name: '商务设置', selected: true }));
    await visible(page.getByText('信头预览'));
    await visible(page.locator('.ant-card', { hasText: '信头预览' }).getByText('关系示范贸易有限公司'));
    await page.getByLabel('电话').fill('021-5080 9999');
    await visible(page.locator('.ant-card', { hasText: '信头预览' }).getByText('电话：021-5080 9999'));
    await screenshot(page, 'commerce-settings-letterhead-1280');
    await assertAccessible(page, 'commerce settings letterhead');
    await page.getByRole('button', { name: /还\s*原/ }).click();

    // 折扣权限: 101 is refused beside the rep's field; 6 is saved.
    await page.getByRole('tab', { name: '折扣权限' }).click();
    const repLimit = page.getByRole('textbox', { name: '销售代表 折扣上限（%）' });
    await repLimit.fill('101');
    await page.getByRole('button', { name: SAVE }).click();
    await visible(page.getByText('折扣上限必须在 0 到 100% 之间。'));
    await repLimit.fill('6');
    await page.getByRole('button', { name: SAVE }).click();
    await visible(page.getByText('已保存'));
    const limits = await api.get<Limits>('/commerce/discount-limits');
    assert.equal(limits.items.find((r) => r.roleKey === 'sales_rep')?.maxPercent, '6.00');
    assert.equal(limits.items.find((r) => r.roleKey === 'branch_manager')?.maxPercent, '15.00');
    await screenshot(page, 'commerce-settings-limits-1280');

    // 审批流程: the demo chain; ↓ moves a step, an unlimited step before the last is refused beside its field.
    await page.getByRole('tab', { name: '审批流程' }).click();
    const steps = page.getByRole('list', { name: '审批流程' }).getByRole('listitem');
    await visible(steps.filter({ hasText: '分公司经理审批' }));
    assert.equal(await steps.count(), 2);
    await assertAccessible(page, 'commerce settings chain');
    await page.getByRole('button', { name: '下移 分公司经理审批' }).click();
    assert.match(await steps.nth(0).innerText(), /总部审批/);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await visible(page.getByText('只有最后一个启用的审批步骤可以不设上限。'));
    await page.getByRole('button', { name: '上移 分公司经理审批' }).click();
    assert.match(await steps.nth(0).innerText(), /分公司经理审批/);
    await page.getByRole('textbox', { name: '分公司经理审批 审批上限（%）' }).fill('25');
    await page.getByRole('button', { name: SAVE }).click();
    await visible(page.getByText('已保存'));
    const chain = await api.get<Chain>('/commerce/approval-chain');
    assert.deepEqual(
      chain.steps.map((s) => [s.name, s.upToPercent]),
      [
        ['分公司经理审批', '25.00'],
        ['总部审批', null],
      ],
    );
    await screenshot(page, 'commerce-settings-chain-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'commerce-settings-chain-390');
    await page.getByRole('tab', { name: '折扣权限' }).click();
    await visible(page.getByRole('textbox', { name: '销售代表 折扣上限（%）' }));
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'commerce-settings-limits-390');
    await page.getByRole('tab', { name: '公司信息与默认值' }).click();
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'commerce-settings-letterhead-390');
  } finally {
    // Other specs rely on the demo's limits and chain.
    await api.put('/commerce/discount-limits', {
      limits: limitsBefore.items
        .filter((r) => r.maxPercent !== null)
        .map((r) => ({ roleId: r.roleId, maxPercent: r.maxPercent })),
    });
    await api.put('/commerce/approval-chain', {
      steps: chainBefore.steps.map(({ name, roleId, upToPercent, appliesTo, active }) => ({
        name,
        roleId,
        upToPercent,
        appliesTo,
        active,
      })),
    });
  }
});

/** 王芳 makes a quote for one of her customers with one line at `discount` % off and submits it; its number. */
async function submittedQuote(page: Page, discount: string): Promise<{ id: string; number: string }> {
  const api = await apiOf(page);
  const customers = await api.get<{ items: { id: string }[] }>('/customers?limit=1&sort=-createdAt');
  const products = await api.get<{ items: { id: string }[] }>('/products?limit=1');
  const quote = await api.post<{ id: string; version: number; number: string }>('/quotes', {
    customerId: customers.items[0]!.id,
  });
  const res = await page.request.put(`/api/v1/quotes/${quote.id}/lines`, {
    data: { lines: [{ productId: products.items[0]!.id, quantity: '10', discount: { kind: 'percent', value: discount } }] },
    headers: {
      'x-csrf-token': ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken,
      'if-match': `"${quote.version}"`,
    },
  });
  assert.ok(res.ok(), `PUT lines: ${res.status()} ${await res.text()}`);
  const submitted = await api.post<{ status: string }>(`/quotes/${quote.id}/submit`, {});
  assert.equal(submitted.status, 'pendingApproval');
  return { id: quote.id, number: quote.number };
}

test('commerce approvals: 李娜 approves one of 王芳’s quotes and rejects another with a comment in 待我审批', async ({
  newPage,
  screenshot,
}) => {
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const toApprove = await submittedQuote(rep, '10');
  const toReject = await submittedQuote(rep, '12');

  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '待我审批' }).click();
  await visible(page.getByRole('heading', { name: '待我审批' }));
  const row = (title: string) => page.locator('tr', { hasText: title });
  await visible(row(toApprove.number));
  // The discount off list (the customer's list price and the line's 10 % together) and the gross amount.
  assert.match(await row(toApprove.number).innerText(), /王芳\s+\d+(\.\d+)?%\s+¥[\d,]+\.\d\d\s+分公司经理审批（东区分公司）/);
  await screenshot(page, 'commerce-approvals-inbox-1280');
  await assertAccessible(page, 'approvals inbox');

  await row(toApprove.number)
    .getByRole('button', { name: /批\s*准/ })
    .click();
  const dialog = page.getByRole('dialog');
  await visible(dialog.getByText(/王芳 申请折扣 [\d.]+%，金额 ¥[\d,]+\.\d\d（分公司经理审批）/));
  await dialog.getByLabel('审批意见').fill('同意。');
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await screenshot(page, 'commerce-approvals-approve-1280');
  await dialog.getByRole('button', { name: /批\s*准/ }).click();
  await visible(page.getByText('已批准，审批通过'));
  await row(toApprove.number).waitFor({ state: 'detached' });

  await row(toReject.number)
    .getByRole('button', { name: /驳\s*回/ })
    .click();
  await dialog.getByRole('button', { name: /驳\s*回/ }).click();
  await visible(dialog.getByText('请写明驳回原因，会通知申请人').last());
  await dialog.getByLabel('审批意见').fill('折扣过大，请控制在 5% 以内。');
  await dialog.getByRole('button', { name: /驳\s*回/ }).click();
  await visible(page.getByText('已驳回').first());
  await row(toReject.number).waitFor({ state: 'detached' });

  await page.getByRole('tab', { name: '我已处理' }).click();
  await visible(row(toReject.number).getByText('「折扣过大，请控制在 5% 以内。」'));
  await screenshot(page, 'commerce-approvals-decided-1280');

  const repApi = await apiOf(rep);
  assert.equal((await repApi.get<{ status: string }>(`/quotes/${toApprove.id}`)).status, 'approved');
  assert.equal((await repApi.get<{ status: string }>(`/quotes/${toReject.id}`)).status, 'rejected');
  const rounds = await repApi.get<{ rounds: { status: string; steps: { decidedByName: string; comment: string }[] }[] }>(
    `/approvals/quote/${toReject.id}`,
  );
  assert.equal(rounds.rounds[0]!.status, 'rejected');
  assert.deepEqual(
    [rounds.rounds[0]!.steps[0]!.decidedByName, rounds.rounds[0]!.steps[0]!.comment],
    ['李娜', '折扣过大，请控制在 5% 以内。'],
  );

  // 王芳 reads the decision on her quote: 审批记录 (the approvals' ApprovalHistory) and the history tab's entries.
  await rep.goto(`/quotes/${toReject.id}`);
  await rep.getByRole('tab', { name: '审批记录' }).click();
  const history = rep.getByRole('region', { name: '第 1 轮' });
  await visible(history.getByText('已驳回').first());
  await visible(history.getByText('「折扣过大，请控制在 5% 以内。」'));
  await visible(history.getByText(/^李娜 · /));
  await screenshot(rep, 'commerce-approvals-history-1280');
  await rep.getByRole('tab', { name: '修改记录' }).click();
  await visible(rep.getByText('李娜 驳回了审批'));
  await visible(rep.getByText('王芳 提交了审批'));
  await rep.getByRole('tab', { name: '审批记录' }).click();
  await rep.setViewportSize({ width: 390, height: 844 });
  await visible(history.getByText('「折扣过大，请控制在 5% 以内。」'));
  await assertNoHorizontalOverflow(rep);
  await screenshot(rep, 'commerce-approvals-history-390');

  const third = await submittedQuote(rep, '8');
  await page.reload();
  await visible(row(third.number));
  await atPhoneWidth(page);
  await visible(page.getByText(third.number));
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-approvals-inbox-390');
});
