// Contracts in the browser: 王芳 creates a contract for 上海博文图书 in the generic form, attaches a scan with a Chinese
// file name, downloads it (same name, same bytes), and renews the contract into a draft for the next year; the old one
// reads 已续签. The demo contract that ends within 30 days shows its 到期 tag, and the customer card lists contracts.
// Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Types a day into a date picker; Enter would submit the form, so Tab leaves the field (the typed day stays). */
async function fillDate(page: Page, label: string, day: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(day);
  await input.press('Tab');
}

async function atPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300); // antd's breakpoint hook and the layout follow the new width
}

/** A small PDF-looking file whose bytes vary, so a mangled download would change the hash. */
const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7) % 256))]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('commerce: a contract is created, gets a scan with a Chinese name that downloads intact, and is renewed', async ({
  newPage,
  adminPassword,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);
  const found = await page.request.get('/api/v1/customers?q=' + encodeURIComponent('上海博文图书进出口有限公司'));
  const customerId = ((await found.json()) as { items: { id: string }[] }).items[0]!.id;

  await page.goto(`/contracts/new?customerId=${customerId}`);
  await visible(page.getByRole('heading', { name: '新建合同' }));
  await page.getByLabel('合同名称').fill('端到端图书供货合同');
  await page.getByLabel('状态').click();
  await chooseOption(page, /^生效$/);
  await fillDate(page, '开始日期', '2026-01-01');
  await fillDate(page, '结束日期', '2026-12-31');
  await page.getByLabel('合同金额').fill('88000.00');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await visible(page.getByRole('heading', { name: '端到端图书供货合同' }));
  const contractUrl = page.url();
  await visible(page.getByText('到期日 2026-12-31'));

  // The scan, named as the customer's office named it.
  const fileName = '图书供货合同（双方盖章）.pdf';
  await page.getByTestId('attachment-input').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: scan });
  const link = page.getByRole('link', { name: `下载「${fileName}」` });
  await visible(link);
  await visible(page.getByRole('region', { name: '附件' }).getByText(/^39 KB · .* · 王芳$/));
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), fileName);
  assert.equal(sha256(readFileSync((await download.path())!)), sha256(scan));
  await screenshot(page, 'commerce-contract-1280');

  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-contract-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Renew: a draft from 2027-01-01 to 2027-12-31 with the same amount; the old contract reads 已续签.
  await page.getByRole('button', { name: /续\s*签/ }).click();
  await visible(page.getByText('将生成一份从 2027-01-01 开始的草稿合同'));
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /续\s*签/ })
    .click();
  await page.waitForURL((url) => url.href !== contractUrl && /\/contracts\/[0-9a-f-]{36}$/.test(url.pathname));
  await visible(page.getByRole('heading', { name: '端到端图书供货合同' }));
  await visible(page.getByText('到期日 2027-12-31'));
  await visible(page.getByRole('link', { name: /^续签自 HT\d{4}-\d{6}$/ }));
  await visible(page.getByText('88,000.00').first());
  await screenshot(page, 'commerce-contract-renewal-1280');
  await page.getByRole('link', { name: /^续签自 HT/ }).click();
  await visible(page.getByTestId('contract-renewal-state').getByText('已续签'));
  await visible(page.getByRole('link', { name: '查看续签合同' }));
  assert.equal(await page.getByRole('button', { name: /续\s*签/ }).count(), 0);

  // The demo contract that ends within 30 days (20 days after the first start in the organisation's calendar; the
  // browser counts in its own, which may be a day behind), and the customer's 合同 tab.
  await page.goto('/contracts');
  await page.getByText('邮政快递年度服务合同').first().click();
  await visible(page.getByTestId('contract-renewal-state').getByText(/^2[01] 天后到期$/));
  await screenshot(page, 'commerce-contract-ending-1280');
  await page.goto(`/customers/${customerId}`);
  await page.getByRole('tab', { name: '合同' }).click();
  await visible(page.getByRole('link', { name: '端到端图书供货合同' }).first());
  await visible(page.getByRole('link', { name: '进口图书采购框架合同' }));
  await screenshot(page, 'commerce-customer-contracts-1280');
  await atPhoneWidth(page);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-customer-contracts-390');

  // 生成合同 on the demo quote the customer accepted: the contract takes its customer and gross total; a second click
  // opens that contract instead of making another.
  const admin = await newPage();
  await signIn(admin, 'admin', adminPassword);
  const quotes = await admin.request.get('/api/v1/quotes?filter[status][eq]=accepted&limit=1');
  const quote = ((await quotes.json()) as { items: { id: string; grossTotal: string }[] }).items[0]!;
  await admin.goto(`/quotes/${quote.id}`);
  const make = admin.getByRole('button', { name: '生成合同' });
  await visible(make);
  await screenshot(admin, 'commerce-quote-make-contract-1280');
  await make.click();
  await admin.waitForURL((url) => /^\/contracts\/[0-9a-f-]{36}$/.test(url.pathname));
  const madeUrl = admin.url();
  const gross = Number(quote.grossTotal).toLocaleString('en-US', { minimumFractionDigits: 2 });
  await visible(admin.getByText(gross).first());
  await admin.goto(`/quotes/${quote.id}`);
  await admin.getByRole('button', { name: '生成合同' }).click();
  await visible(admin.getByText('该报价已生成过合同，已为您打开。'));
  await admin.waitForURL(madeUrl);
});
