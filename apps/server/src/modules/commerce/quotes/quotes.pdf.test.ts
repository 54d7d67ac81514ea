// GET /api/v1/quotes/:id/pdf read back as text with PDF.js (unpdf): the letterhead from the settings, the customer
// and contact in Chinese, the lines, the totals with 大写金额 of the total, the terms, and the file name with the
// number (RFC 5987) — and a quote the caller may not see answers 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildQuote, buildQuotesWorld, type QuotesWorld } from './quotes.testSetup.ts';

async function readPdf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

describe('quote PDF', () => {
  let w: QuotesWorld;
  beforeAll(async () => {
    w = await buildQuotesWorld();
  });
  afterAll(() => w.t.close());

  it('prints the letterhead, customer, lines, totals with 大写金额 and terms in Chinese', async () => {
    const { id, quote, lines } = await buildQuote(
      w.rep1.client,
      w.customer,
      [
        { productId: w.products.service, quantity: '3', unitPrice: '95.50', discount: { kind: 'percent', value: '10' } },
        { productId: w.products.book, quantity: '7' },
        {
          name: '安装调试服务',
          unit: '次',
          quantity: '1.5',
          unitPrice: '333.33',
          taxRate: '6',
          discount: { kind: 'amount', value: '20.00' },
        },
      ],
      { totalDiscount: { kind: 'percent', value: '5' }, fields: { contactId: w.contact, quoteDate: '2026-11-29' } },
    );
    expect(lines.totals.grossTotal).toBe('1079.41');
    const res = await w.rep1.client.get(`/api/v1/quotes/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const number = quote.number as string;
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${number}-v1.pdf"; filename*=UTF-8''${encodeURIComponent(`报价单-${number}-v1.pdf`)}`,
    );
    const text = await readPdf(res.rawPayload);
    for (const expected of [
      '上海关系供应链管理有限公司',
      '地址：上海市浦东新区碧波路 690 号',
      '报 价 单',
      '北京东区邮政局',
      '王晓明',
      '13800138000',
      '北京市朝阳区',
      number,
      'v1',
      '2026年11月29日',
      '2026年12月14日',
      '单价含税',
      '整车运输服务',
      'SV-001',
      '中国通史',
      '安装调试服务',
      // 3 × 95.50 − 10 % = 257.85; 7 × 56.91 = 398.37; 1.5 × 333.33 = 500.00 − 20.00 = 480.00.
      '257.85',
      '398.37',
      '480.00',
      '小计 1,136.22',
      '整单折扣 -56.81',
      '不含税金额 994.17',
      '税额 85.24',
      '价税合计 ¥1,079.41',
      '价税合计（大写）：人民币壹仟零柒拾玖元肆角壹分',
      '1. 本报价自报价日期起 15 日内有效。',
      '2. 付款方式：货到付款。',
      '王芳',
    ])
      expect(text).toContain(expected);
  });

  it('answers 404 to a rep of another branch, and for a quote that does not exist', async () => {
    const { id } = await buildQuote(w.rep1.client, w.customer, [{ productId: w.products.service, quantity: '1' }]);
    expect((await w.westRep.client.get(`/api/v1/quotes/${id}/pdf`)).statusCode).toBe(404);
    expect((await w.rep1.client.get('/api/v1/quotes/01930000-0000-7000-8000-0000000000ff/pdf')).statusCode).toBe(404);
    // A teammate who may read the quote may print it.
    expect((await w.rep2.client.get(`/api/v1/quotes/${id}/pdf`)).statusCode).toBe(200);
  });
});
