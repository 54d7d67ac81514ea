// The quote PDF read back as a person would read it: its text extracted with PDF.js (unpdf), so the Chinese must be
// real characters mapped through the embedded font, not shapes; the table spread over pages with its header on each,
// the totals and 大写金额, page numbers, and the CJK font embedded as a small subset.
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { toCapitalAmount } from './commerce.capitalNumerals.ts';
import { formatMoney } from './commerce.money.ts';
import { renderQuotePdf, warmUpQuotePdf, type QuotePdfData } from './commerce.quotePdf.ts';
import { sampleQuoteData } from './commerce.quotePdf.fixture.ts';

async function readPdf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text;
}

describe('quote PDF', () => {
  it('prints a 50-line quote over four A4 pages, the table header on each page of lines', async () => {
    const data = sampleQuoteData(50);
    const pdf = await renderQuotePdf(data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await readPdf(pdf);

    expect(pages).toHaveLength(4);
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 / 共 4 页`));
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    const [first, ...rest] = pages as [string, ...string[]];
    for (const expected of [
      '上海关系供应链管理有限公司',
      '地址：上海市浦东新区张江高科技园区碧波路 690 号 3 号楼 501 室',
      '报 价 单',
      '北京东区进出口贸易有限公司',
      '王晓明（采购经理）',
      'QT-2026-001234',
      'v2',
      '2026年11月29日',
      '2026年12月29日',
      '单价不含税',
      '1 整车运输（上海—北京）',
      '9.6 米厢式货车，含装卸',
      '车次 3 6,800.00 9% 20,400.00',
    ])
      expect(first).toContain(expected);

    // The table continues on pages 2 and 3 under its header again; the last page holds only the signatures.
    const header = '序号 产品 / 规格 单位 数量 单价 折扣 税率 金额';
    expect(pages.slice(0, 3).every((p) => p.includes(header))).toBe(true);
    expect(rest.slice(0, 2).every((p) => p.includes('报价单 QT-2026-001234 v2（续）'))).toBe(true);
    // Every line printed once, in order.
    const all = pages.join('\n');
    const numbers = [
      ...all.matchAll(/^(\d+) (整车运输|零担快运|仓储服务|报关代理服务|木质包装箱|冷链运输|货物运输保险|条码标签)/gm),
    ].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    // Totals as computed, to the fen, with the amount in capital numerals.
    const { totals } = data;
    expect(totals).toEqual({
      subtotal: '233822.60',
      totalDiscount: '4676.45',
      net: '229146.15',
      tax: '21344.81',
      gross: '250490.96',
    });
    const third = pages[2]!;
    expect(third).toContain('小计 233,822.60');
    expect(third).toContain('整单折扣 -4,676.45');
    expect(third).toContain('不含税金额 229,146.15');
    expect(third).toContain('税额 21,344.81');
    expect(third).toContain('价税合计 ¥250,490.96');
    expect(toCapitalAmount(totals.gross)).toBe('贰拾伍万零肆佰玖拾元零玖角陆分');
    expect(third).toContain('价税合计（大写）：人民币贰拾伍万零肆佰玖拾元零玖角陆分');
    expect(third).toContain('（小写）¥250,490.96');
    expect(third).toContain('2. 付款方式：合同签订后预付 30%，货物签收后 30 日内付清余款。');
    expect(pages[3]).toContain('报价方');
    expect(pages[3]).toContain('客户确认');
    expect(pages[3]).toContain('授权代表（签字）： 李娜');
  });

  it('embeds the CJK font as a subset, so the file stays small and reads the same anywhere', async () => {
    const pdf = await renderQuotePdf(sampleQuoteData(50));
    const raw = pdf.toString('latin1');
    // CFF outlines of Noto Sans SC, subset (the six-letter tag) for both weights, with a ToUnicode map each.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/);
    expect(raw.match(/\/FontFile3/g)).toHaveLength(2);
    expect(raw.match(/\/ToUnicode/g)!.length).toBeGreaterThanOrEqual(2);
    // The whole font is 8 MB; the subset of the few hundred characters used is a small part of it.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('prints a short quote on one page, without a total discount line when there is none', async () => {
    const data: QuotePdfData = {
      company: { name: '杭州西湖茶业有限公司', phone: '0571-8888 0000' },
      customer: { name: '深圳前海咖啡连锁有限公司' },
      quote: { number: 'QT-7', revision: 1, date: '2026-03-01', validUntil: '2026-03-31' },
      pricesIncludeTax: true,
      lines: [
        {
          name: '明前龙井（特级）礼盒装，每盒 250 克，附手提袋与贺卡，支持企业定制烫金标识，最低起订量 50 盒，超过 200 盒另议价格，这一行很长以便检验换行与省略',
          unit: '盒',
          quantity: '100',
          unitPrice: '1000.00',
          discount: '',
          taxRate: '13',
          amount: '100000.10',
        },
      ],
      totals: { subtotal: '100000.10', totalDiscount: '0.00', net: '88495.66', tax: '11504.44', gross: '100000.10' },
    };
    const pages = await readPdf(await renderQuotePdf(data));
    expect(pages).toHaveLength(1);
    const [page] = pages as [string];
    expect(page).toContain('第 1 页 / 共 1 页');
    expect(page).toContain('单价含税');
    expect(page).toContain('明前龙井（特级）礼盒装');
    expect(page).toContain(`价税合计 ¥${formatMoney('100000.10')}`);
    expect(page).toContain('人民币壹拾万元零壹角');
    expect(page).not.toContain('整单折扣');
    expect(page).not.toContain('条款与说明');
  });
  it('keeps the largest amount on its line, figures and 大写 whole', async () => {
    const max = '9999999999999999.99';
    const pages = await readPdf(
      await renderQuotePdf({
        company: { name: '杭州西湖茶业有限公司' },
        customer: { name: '深圳前海咖啡连锁有限公司' },
        quote: { number: 'QT-8', revision: 3, date: '2026-03-01', validUntil: '2026-03-31' },
        pricesIncludeTax: false,
        lines: [{ name: '整厂设备', unit: '套', quantity: '1', unitPrice: max, taxRate: '0', amount: max }],
        totals: { subtotal: max, totalDiscount: '0.00', net: max, tax: '0.00', gross: max },
      }),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('套 1 9,999,999,999,999,999.99 0% 9,999,999,999,999,999.99');
    expect(pages[0]).toContain('价税合计 ¥9,999,999,999,999,999.99');
    expect(pages[0]).toContain(`人民币${toCapitalAmount(max)}`);
    expect(pages[0]).toContain('（小写）¥9,999,999,999,999,999.99');
  });
  it('warms up by rendering a throw-away quote, without error', async () => {
    await expect(warmUpQuotePdf()).resolves.toBeUndefined();
  });
  it('refuses a logo that is not a PNG or JPEG, naming the field', async () => {
    const data = sampleQuoteData(1);
    data.company.logo = Buffer.from('GIF89a not a picture pdfkit can embed');
    await expect(renderQuotePdf(data)).rejects.toMatchObject({
      code: 'QUOTE_PDF_LOGO_INVALID',
      status: 422,
      details: [{ field: 'company.logo' }],
    });
  });
});
