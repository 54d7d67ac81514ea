// A deal's 阶段历程: after it moves along the pipeline, its page lists each stage with when it was entered, the
// current one marked and still counting, and who moved it — in Chinese, and readable on a phone.
import { apiOf } from '../harness/api.ts';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

test('a deal’s page lists the stages it went through, the current one still counting', async ({ newPage, screenshot }) => {
  const rep = await newPage();
  await signIn(rep, 'wangfang', DEMO_PASSWORD);
  const api = await apiOf(rep);
  const pipelines = await api.get<{ items: { isDefault: boolean; stages: { id: string; name: string }[] }[] }>('/pipelines');
  const stages = pipelines.items.find((p) => p.isDefault)!.stages;
  const customer = await api.post<{ id: string }>('/customers', { name: '嘉兴南湖文具有限公司', kind: 'organisation' });
  const deal = await api.post<{ id: string }>('/opportunities', { name: '南湖文具办公用品', customerId: customer.id });
  await api.patch(`/opportunities/${deal.id}`, { stageId: stages.find((s) => s.name === '需求确认')!.id }, { 'if-match': '1' });

  await rep.goto(`/opportunities/${deal.id}`);
  await rep.getByRole('tab', { name: '阶段历程' }).click();
  const table = rep.getByRole('tabpanel', { name: '阶段历程' }).getByRole('table');
  await visible(table.getByRole('row', { name: /初步接洽.*0 分钟.*王芳/ }));
  await visible(table.getByRole('row', { name: /需求确认\s*当前.*分钟.*王芳/ }));
  await screenshot(rep, 'sales-opportunity-stages-1280');

  const phone = await newPage({ width: 390, height: 800 });
  await signIn(phone, 'wangfang', DEMO_PASSWORD);
  await phone.goto(`/opportunities/${deal.id}`);
  await phone.getByRole('tab', { name: '阶段历程' }).click();
  await visible(phone.getByRole('tabpanel', { name: '阶段历程' }).getByRole('row', { name: /需求确认/ }));
  await assertNoHorizontalOverflow(phone);
  await screenshot(phone, 'sales-opportunity-stages-390');
});
