// Quotes in the browser: the rep 王芳 makes a quote for her customer, adds a newspaper subscription from the catalogue
// (its unit price filled by the price engine, with the rule that gave it), a 3 % discount on the whole quote, sees the
// totals to the fen, saves, downloads the PDF and submits it — above her 5 % it waits for approval. Screenshots of the
// lines, the editor and the revision-free card at desktop and phone width.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from '../harness/runner.ts';
import { apiOf } from '../harness/api.ts';
import { assertNoHorizontalOverflow, DEMO_PASSWORD, signIn, visible } from '../harness/flows.ts';

async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** "456.00" → 45600n fen. */
const fen = (text: string) => BigInt(text.replace('.', ''));
/** 45600n → "¥456.00" with thousands separated. */
const yuan = (value: bigint) => `¥${(value / 100n).toLocaleString('en-US')}.${String(value % 100n).padStart(2, '0')}`;
/** Half up to whole fen of n ÷ d (n, d ≥ 0). */
const divideHalfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

test('commerce: a rep builds a quote from the catalogue with a discount, downloads its PDF and submits it', async ({
  newPage,
  screenshot,
}) => {
  const page = await newPage();
  await signIn(page, 'wangfang', DEMO_PASSWORD);

  await page.goto('/quotes/new');
  await visible(page.getByRole('heading', { name: '新建报价单' }));
  const customer = page.getByRole('combobox', { name: '客户' });
  await customer.click();
  await customer.fill('复旦');
  await chooseOption(page, '复旦大学图书馆');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  const heading = page.getByRole('heading', { name: /^Q\d{4}-\d{6} v1$/ });
  await visible(heading);
  const title = (await heading.innerText()).trim();
  const id = /\/quotes\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  await page.getByRole('tab', { name: '报价明细' }).click();
  await page.getByRole('button', { name: '编辑明细' }).click();
  await page.getByRole('button', { name: '从产品目录添加' }).click();
  const product = page.getByRole('combobox', { name: '产品' });
  await product.click();
  await product.fill('BK-NEWS-001');
  await chooseOption(page, /人民日报/);
  await page.getByRole('textbox', { name: '数量' }).fill('20');

  // The engine's price for 20 copies for this customer, as the server computes it.
  const api = await apiOf(page);
  const products = await api.get<{ items: { id: string }[] }>('/products?filter[sku][eq]=BK-NEWS-001');
  const quote = await api.get<{ customerId: string; quoteDate: string }>(`/quotes/${id}`);
  const priced = await api.post<{ lines: { unitPrice: string; discounts: { ruleName: string }[] }[] }>('/pricing/quote-lines', {
    customerId: quote.customerId,
    date: quote.quoteDate,
    lines: [{ productId: products.items[0]!.id, quantity: '20' }],
  });
  const enginePrice = priced.lines[0]!.unitPrice;
  const unitPrice = page.getByRole('textbox', { name: '单价' });
  await page.waitForFunction(
    ([price]) => (document.querySelector('input[id$="_unitPrice"]') as HTMLInputElement | null)?.value === price,
    [enginePrice],
  );
  assert.equal(await unitPrice.inputValue(), enginePrice);
  await visible(page.getByText(new RegExp(`折扣规则「${priced.lines[0]!.discounts[0]!.ruleName}」`)));

  await page.getByRole('combobox', { name: '整单折扣的折扣方式' }).click();
  await chooseOption(page, /^%$/);
  await page.getByRole('textbox', { name: '整单折扣' }).fill('3');
  // Prices include tax, rounded per line: 20 × price, then 3 % of it off, half up to the fen.
  const subtotal = fen(enginePrice) * 20n;
  const discount = divideHalfUp(subtotal * 3n, 100n);
  const gross = subtotal - discount;
  await visible(page.getByTestId('quote-gross').filter({ hasText: yuan(gross) }));
  await screenshot(page, 'commerce-quote-editor-1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-quote-editor-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: '保存明细' }).click();
  await visible(page.getByText('明细已保存'));
  await visible(page.getByTestId('quote-gross').filter({ hasText: yuan(gross) }));
  await visible(page.getByRole('cell', { name: /人民日报/ }));

  // The PDF as the browser downloads it: a PDF of some size, named by the number.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 PDF' }).click()]);
  assert.match(download.suggestedFilename(), new RegExp(`${title.replace(' v1', '')}-v1\\.pdf$`));
  const pdf = await page.request.get(`/api/v1/quotes/${id}/pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const body = await pdf.body();
  assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(body.length > 10_000, `the PDF is ${body.length} bytes`);

  await page.getByRole('button', { name: '提交审批' }).click();
  await visible(page.getByTestId('quote-status').filter({ hasText: '待审批' }));
  await screenshot(page, 'commerce-quote-lines-1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await assertNoHorizontalOverflow(page);
  await screenshot(page, 'commerce-quote-lines-390');
});
