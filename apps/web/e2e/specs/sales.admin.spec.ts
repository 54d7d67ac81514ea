// Sales administration in the browser: an administrator builds a pipeline (stages reordered by keyboard and by
// dragging, a refused probability shown beside its field), orders the lead assignment rules, and publishes a lead
// form whose hosted page a visitor fills in; the lead reaches the rep the rules pick. The 商机团队 on an opportunity
// lets a manager bring in a colleague from another branch, who then sees the deal. Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiOf } from '../harness/api.ts';
import { assertAccessible } from '../harness/axe.ts';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

const SAVE = /保\s*存/;

interface Pipeline {
  id: string;
  name: string;
  stages: { name: string; probability: number; outcome: string }[];
}

const stageRow = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

/** The error antd shows under a field inside `scope`, found by the field's label. */
const fieldError = (page: Page, scope: ReturnType<Page['locator']>, label: string) =>
  scope.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');

async function chooseOption(page: Page, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .click();
}

test('sales admin: a pipeline’s stages are reordered by keyboard and by dragging; a refused probability shows beside its field', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'admin', adminPassword);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '销售流程' }).click();
  await page.getByRole('button', { name: '新建销售流程' }).click();

  await page.getByLabel('流程名称').fill('渠道合作');
  await stageRow(page, '初步接洽').getByLabel('阶段名称').fill('渠道洽谈');
  await page.getByRole('button', { name: '添加阶段' }).click();
  await stageRow(page, '阶段 2').getByLabel('阶段名称').fill('签约');
  await stageRow(page, '签约').getByLabel('赢率（%）').fill('60');
  await page.getByRole('button', { name: '添加阶段' }).click();
  await stageRow(page, '阶段 3').getByLabel('阶段名称').fill('试点');
  // 试点 comes before 签约: by keyboard, the focus stays on the moved row.
  await stageRow(page, '试点').getByRole('button', { name: '上移“试点”' }).focus();
  await page.keyboard.press('Enter');
  await visible(page.getByText('“试点”已移到第 2 位'));
  const order = () =>
    page
      .getByRole('list', { name: '阶段' })
      .getByRole('listitem')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
  assert.deepEqual(await order(), ['渠道洽谈', '试点', '签约', '赢单', '输单']);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), '上移“试点”');

  // 签约 dragged onto 试点's place.
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await stageRow(page, '签约').getByRole('img', { name: '拖动以调整“签约”的顺序' }).dispatchEvent('dragstart', { dataTransfer });
  await stageRow(page, '试点').dispatchEvent('dragover', { dataTransfer });
  await stageRow(page, '试点').dispatchEvent('drop', { dataTransfer });
  assert.deepEqual(await order(), ['渠道洽谈', '签约', '试点', '赢单', '输单']);

  // A won stage below 100% is refused by the server, and the reason sits beside that stage's probability.
  await stageRow(page, '赢单').getByLabel('赢率（%）').fill('90');
  await page.getByRole('button', { name: SAVE }).click();
  await visible(fieldError(page, stageRow(page, '赢单'), '赢率（%）').getByText('赢单阶段的赢率必须为 100%'));
  await screenshot(page, 'sales-admin-pipeline-1280');
  await assertAccessible(page, 'pipeline editor');

  await stageRow(page, '赢单').getByLabel('赢率（%）').fill('100');
  await page.getByRole('button', { name: SAVE }).click();
  await visible(page.getByRole('region', { name: '渠道合作' }));
  await screenshot(page, 'sales-admin-pipelines-1280');
  const saved = (await (await apiOf(page)).get<{ items: Pipeline[] }>('/pipelines')).items.find((p) => p.name === '渠道合作');
  assert.deepEqual(
    saved?.stages.map((s) => `${s.name} ${s.probability}`),
    ['渠道洽谈 10', '签约 60', '试点 50', '赢单 100', '输单 0'],
  );

  const phone = await newPage({ width: 390, height: 800 });
  await signIn(phone, 'admin', adminPassword);
  await phone.goto(`/admin/pipelines/${saved!.id}`);
  await visible(stageRow(phone, '试点'));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'sales-admin-pipeline-390');
});

test('sales admin: assignment rules are added, ordered and saved; the fallback queue is explained', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'admin', adminPassword);
  await page.goto('/admin/lead-rules');
  await visible(page.getByText('兜底队列：', { exact: false }));
  // Whatever other specs saved: start from an empty list.
  await (await apiOf(page)).put('/lead-assignment-rules', { rules: [] });
  await page.reload();
  await visible(page.getByText('暂无规则'));

  await page.getByRole('button', { name: '添加规则' }).click();
  const first = page.getByRole('listitem', { name: '新规则' });
  await first.getByLabel('规则名称').fill('江苏归东区');
  const rule1 = page.getByRole('listitem', { name: '江苏归东区' });
  await rule1.getByLabel('省份').click();
  await page.keyboard.type('江苏');
  await chooseOption(page, '江苏省');
  await page.keyboard.press('Escape');
  await rule1.getByLabel('组织', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('东区分公司', { exact: true }).click();
  await rule1.getByText('负载最少优先').click();

  await page.getByRole('button', { name: '添加规则' }).click();
  await page.getByRole('listitem', { name: '新规则' }).getByLabel('规则名称').fill('展会线索给王芳');
  const rule2 = page.getByRole('listitem', { name: '展会线索给王芳' });
  await rule2.getByLabel('线索来源').click();
  await chooseOption(page, '展会');
  await page.keyboard.press('Escape');
  await rule2.getByText('指定用户').click();
  // Saved without a user: the form says so beside the field.
  await page.getByRole('button', { name: '保存规则' }).click();
  await visible(rule2.getByText('请选择用户'));
  await rule2.getByLabel('用户', { exact: true }).click();
  await page.keyboard.type('wangfang');
  await chooseOption(page, '王芳（wangfang）');

  // The fair's rule first.
  await rule2.getByRole('button', { name: '上移“展会线索给王芳”' }).click();
  await page.getByRole('button', { name: '保存规则' }).click();
  await visible(page.getByText('已保存'));
  const rules = await (
    await apiOf(page)
  ).get<{ items: { name: string; conditions: object; distribution: string }[] }>('/lead-assignment-rules');
  assert.deepEqual(
    rules.items.map((r) => [r.name, r.conditions, r.distribution]),
    [
      ['展会线索给王芳', { source: ['exhibition'] }, 'round_robin'],
      ['江苏归东区', { province: ['江苏省'] }, 'least_loaded'],
    ],
  );
  await page.reload();
  await visible(page.getByRole('listitem', { name: '展会线索给王芳' }).getByText('王芳（wangfang）'));
  await screenshot(page, 'sales-admin-rules-1280');
  await assertAccessible(page, 'assignment rules');

  const phone = await newPage({ width: 390, height: 800 });
  await signIn(phone, 'admin', adminPassword);
  await phone.goto('/admin/lead-rules');
  await visible(phone.getByRole('listitem', { name: '江苏归东区' }));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'sales-admin-rules-390');
  // Other specs route leads by their own rules.
  await (await apiOf(page)).put('/lead-assignment-rules', { rules: [] });
});

test('sales admin: a lead form is published and its hosted page turns a visitor into a lead of the fallback owner', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'admin', adminPassword);
  await page.goto('/admin/lead-forms');
  await page.getByRole('button', { name: '新建线索表单' }).click();
  const dialog = page.getByRole('dialog', { name: '新建线索表单' });
  await dialog.getByLabel('表单名称').fill('杭州车展');
  await dialog.getByLabel('地址标识').fill('Hangzhou Auto');
  await dialog.getByLabel('市场活动').fill('2027杭州车展');
  await dialog.getByLabel('意向产品').click();
  await chooseOption(page, '整车采购');
  await dialog.getByLabel('兜底负责人').click();
  await page.keyboard.type('wangfang');
  await chooseOption(page, '王芳（wangfang）');
  await dialog.getByRole('button', { name: SAVE }).click();
  await visible(dialog.getByText('请使用 3–63 位小写字母'));
  await dialog.getByLabel('地址标识').fill('hangzhou-auto-2027');
  await dialog.getByRole('button', { name: SAVE }).click();
  const card = page.getByRole('region', { name: '杭州车展' });
  await visible(card.getByText('王芳'));

  // A second form with the same key: the server's refusal sits beside the key.
  await page.getByRole('button', { name: '新建线索表单' }).click();
  await dialog.getByLabel('表单名称').fill('杭州车展（重复）');
  await dialog.getByLabel('地址标识').fill('hangzhou-auto-2027');
  await dialog.getByLabel('兜底负责人').click();
  await page.keyboard.type('wangfang');
  await chooseOption(page, '王芳（wangfang）');
  await dialog.getByRole('button', { name: SAVE }).click();
  await visible(dialog.locator('.ant-form-item-explain-error'));
  await screenshot(page, 'sales-admin-form-dialog-1280');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  // Edited: the campaign its leads carry.
  await card.getByRole('button', { name: '编辑“杭州车展”' }).click();
  const edit = page.getByRole('dialog', { name: '编辑线索表单“杭州车展”' });
  await edit.getByLabel('市场活动').fill('2027杭州国际车展');
  await edit.getByRole('button', { name: SAVE }).click();
  await visible(card.getByText('2027杭州国际车展'));

  await card.getByRole('button', { name: '发布“杭州车展”' }).click();
  const embed = page.getByRole('dialog', { name: '发布“杭州车展”' });
  const pageUrl = new URL('/public/lead-forms/hangzhou-auto-2027', page.url()).href;
  await visible(embed.getByText(pageUrl, { exact: true }));
  await visible(embed.getByText(`<a href="${pageUrl}" target="_blank" rel="noopener">在线登记</a>`));
  await visible(embed.getByRole('img', { name: '表单页面二维码' }).or(embed.locator('.ant-qrcode')));
  await page.waitForTimeout(500); // the dialog's opening animation
  await screenshot(page, 'sales-admin-forms-embed-1280');
  await assertAccessible(page, 'lead form embed dialog');
  await embed
    .getByRole('button', { name: 'Close' })
    .or(embed.getByRole('button', { name: /关\s*闭/ }))
    .first()
    .click();
  await screenshot(page, 'sales-admin-forms-1280');

  // A visitor on a phone, not signed in, fills in the hosted page.
  const visitor = await newPage({ width: 390, height: 800 });
  await visitor.goto('/public/lead-forms/hangzhou-auto-2027');
  await visible(visitor.getByRole('heading', { name: '留下您的联系方式' }));
  await visitor.getByLabel('姓名').fill('钱先生');
  await visitor.getByLabel('单位名称').fill('杭州西湖物流有限公司');
  await assertNoHorizontalOverflow(visitor);
  await screenshot(visitor, 'sales-public-form-390');
  await visitor.getByRole('button', { name: /提\s*交/ }).click();
  await visible(visitor.getByText('请填写手机或电子邮箱'));
  await visitor.getByLabel('手机').fill('13905710001');
  await visitor.waitForTimeout(3_000); // a person takes a few seconds; a faster post is taken for a robot
  await visitor.getByRole('button', { name: /提\s*交/ }).click();
  await visible(visitor.getByText('提交成功'));

  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const leads = await (
    await apiOf(rep)
  ).get<{ items: { name: string; campaign: string; interest: string }[] }>('/leads?q=%E9%92%B1%E5%85%88%E7%94%9F');
  assert.deepEqual(
    leads.items.map((l) => [l.name, l.campaign, l.interest]),
    [['钱先生', '2027杭州国际车展', 'vehicles']],
  );

  const phone = await newPage({ width: 390, height: 800 });
  await signIn(phone, 'admin', adminPassword);
  await phone.goto('/admin/lead-forms');
  await visible(phone.getByRole('region', { name: '杭州车展' }));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'sales-admin-forms-390');
});

test('sales team: the 东区 manager adds the 西区 rep to a deal’s 商机团队, who then sees the deal', async ({
  newPage,
  screenshot,
}) => {
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const repApi = await apiOf(rep);
  const customer = await repApi.post<{ id: string }>('/customers', { name: '温州五马书店有限公司', kind: 'organisation' });
  const deal = await repApi.post<{ id: string }>('/opportunities', {
    name: '五马书店馆配项目',
    customerId: customer.id,
    amount: '52000.00',
  });
  // The rep sees her deal's team, led by herself, but may not change it.
  await rep.goto(`/opportunities/${deal.id}`);
  const repTeam = rep.getByRole('region', { name: '商机团队' });
  await visible(repTeam.getByRole('listitem').filter({ hasText: '王芳' }).getByText('客户经理'));
  assert.equal(await repTeam.getByRole('button', { name: '添加成员' }).count(), 0);

  const west = await newPage();
  await signIn(west, 'liuyang', DEMO_PASSWORD);
  assert.equal((await west.request.get(`/api/v1/opportunities/${deal.id}`)).status(), 404);

  const manager = await newPage();
  await signIn(manager, 'lina', DEMO_PASSWORD);
  await manager.goto(`/opportunities/${deal.id}`);
  const team = manager.getByRole('region', { name: '商机团队' });
  await team.getByRole('button', { name: '添加成员' }).click();
  await manager.getByRole('combobox', { name: '选择同事' }).fill('liuyang');
  await manager.locator('.ant-select-dropdown:visible').getByText('刘洋（liuyang）').click();
  await manager.getByRole('button', { name: /^添\s*加$/ }).click();
  await visible(manager.getByText('已添加到商机团队'));
  await visible(team.getByRole('listitem').filter({ hasText: '刘洋' }).getByText('只读'));
  await assertAccessible(manager, 'opportunity with its team');
  await screenshot(manager, 'sales-opportunity-team-1280');

  await west.goto(`/opportunities/${deal.id}`);
  await visible(west.getByRole('heading', { name: '五马书店馆配项目' }));

  const phone = await newPage({ width: 390, height: 800 });
  await signIn(phone, 'lina', DEMO_PASSWORD);
  await phone.goto(`/opportunities/${deal.id}`);
  await visible(phone.getByRole('region', { name: '商机团队' }).getByText('刘洋'));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'sales-opportunity-team-390');
});
