// Import in the browser: an .xlsx with Chinese headers, a row repeated inside the file and a row with an impossible
// date; the good rows are created, both bad ones are reported with their row numbers, and undo removes what came in.
import assert from 'node:assert/strict';
import { test } from '../harness/runner.ts';
import { DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';
import { assertAccessible } from '../harness/axe.ts';
import { buildXlsx } from '../harness/xlsx.ts';

test('an .xlsx import reports a repeated row and a bad date, creates the rest, and can be undone', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'lina', DEMO_PASSWORD);
  await page.goto('/customers');
  await page.getByRole('button', { name: /导\s*入/ }).click();
  await visible(page.getByRole('heading', { name: '导入客户' }));

  const file = await buildXlsx([
    ['客户名称', '客户性质', '客户等级', '首次接触日期'],
    ['宁波天一阁书店有限公司', '单位客户', 'B 级', '2024-05-01'],
    ['温州南塘文化传媒有限公司', '单位客户', 'A 级', '2024-13-45'],
    ['绍兴鲁迅故里书院', '单位客户', 'C 级', '2023-11-20'],
    ['宁波天一阁书店有限公司', '单位客户', 'B 级', '2024-05-01'],
  ]);
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/imports') && r.request().method() === 'POST');
  await page.locator('input[type=file]').setInputFiles({
    name: '浙江新客户.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  const { id } = (await (await uploaded).json()) as { id: string };

  // The Chinese headers map themselves; the preview shows the file's rows.
  await visible(page.getByText('表头与字段的对应'));
  await visible(page.getByRole('combobox', { name: '“客户名称”导入到' }));
  await visible(page.getByText('客户名称 *', { exact: true }));
  await visible(page.getByRole('cell', { name: '绍兴鲁迅故里书院' }));
  await assertAccessible(page, 'the import mapping step');
  await screenshot(page, 'imports-mapping-1280');

  await page.getByRole('button', { name: '开始导入' }).click();
  await visible(page.getByRole('status').filter({ hasText: '导入完成' }));
  await visible(page.getByText('已处理 4 / 4 行：新建 2，更新 0，跳过 0，出错 2。'));
  await screenshot(page, 'imports-done-1280');

  const report = await page.request.get(`/api/v1/imports/${id}/errors`);
  assert.equal(report.status(), 200);
  const text = await report.text();
  assert.match(text, /与文件第 2 行重复/);
  assert.match(text, /首次接触日期/);
  const reportLines = text.trim().split(/\r?\n/);
  assert.equal(reportLines.length, 3, `a header and two rows:\n${text}`);

  const found = (await (await page.request.get('/api/v1/customers?q=绍兴鲁迅故里书院&total=true')).json()) as { total: number };
  assert.equal(found.total, 1);

  await page.getByRole('button', { name: /撤销本次导入/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await visible(page.getByRole('status').filter({ hasText: '已撤销本次导入' }));
  const after = (await (await page.request.get('/api/v1/customers?q=绍兴鲁迅故里书院&total=true')).json()) as { total: number };
  assert.equal(after.total, 0);
});
