// A quote as a printable A4 PDF in Chinese: the company's letterhead, customer and quote details, a table of lines
// that breaks across pages with its header repeated, totals with 大写金额, terms, a signature block and 第 n 页 / 共 N 页.
// The fonts, page and drawing helpers it shares with other commerce documents are in commerce.pdf.ts.
import { AppError } from '../../platform/http/errors.ts';
import { toCapitalAmount } from './commerce.capitalNumerals.ts';
import { formatMoney } from './commerce.money.ts';
import {
  BOTTOM,
  CONTENT_WIDTH,
  createPdfDocument,
  drawPageNumbers,
  hline,
  LEFT,
  MUTED,
  PAGE,
  RIGHT,
  text,
  type Doc,
} from './commerce.pdf.ts';

export interface QuotePdfLine {
  name: string;
  /** Model, specification or SKU, printed under the name in smaller type. */
  spec?: string;
  unit: string;
  /** Figures as exact decimal strings; the PDF formats them. */
  quantity: string;
  unitPrice: string;
  /** How the line's discount reads, e.g. "15%" or "10.00"; empty when there is none. */
  discount?: string;
  /** Percent, e.g. "13". */
  taxRate: string;
  /** The line's amount after its own discount (its subtotal), with tax when prices include it. */
  amount: string;
}

export interface QuotePdfData {
  company: {
    name: string;
    address?: string;
    phone?: string;
    email?: string;
    /** 统一社会信用代码. */
    taxId?: string;
    /** PNG or JPEG. */
    logo?: Buffer;
  };
  customer: { name: string; contact?: string; phone?: string; address?: string };
  quote: {
    number: string;
    revision: number;
    /** ISO dates (2026-11-29), printed 2026年11月29日. */
    date: string;
    validUntil: string;
    salesperson?: string;
  };
  /** Whether unit prices and line amounts include tax. */
  pricesIncludeTax: boolean;
  lines: QuotePdfLine[];
  totals: { subtotal: string; totalDiscount: string; net: string; tax: string; gross: string };
  terms?: string[];
  signature?: { sellerSigner?: string; buyerSigner?: string };
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right' | 'center';
}
const COLUMNS: Column[] = [
  { title: '序号', width: 28, align: 'center' },
  { title: '产品 / 规格', width: 0, align: 'left' },
  { title: '单位', width: 34, align: 'center' },
  { title: '数量', width: 54, align: 'right' },
  { title: '单价', width: 70, align: 'right' },
  { title: '折扣', width: 44, align: 'right' },
  { title: '税率', width: 36, align: 'right' },
  { title: '金额', width: 84, align: 'right' },
];
COLUMNS[1]!.width = CONTENT_WIDTH - COLUMNS.reduce((a, c) => a + c.width, 0);
const CELL_PAD = 3.5;
const ROW_FONT = 9;
/** A product name wraps to at most three lines, a spec to two; longer ones end with an ellipsis. */
const NAME_MAX_LINES = 3;
const SPEC_MAX_LINES = 2;

/** 2026-11-29 → 2026年11月29日; any other text is printed as it is. */
function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const HEADER_FILL = '#eef1f5';

/** A quantity as people write it: no trailing zeros ("3", "2.5"). */
const quantityText = (q: string) => (q.includes('.') ? q.replace(/\.?0+$/, '') : q);

/** Renders the quote; resolves with the whole PDF, or rejects (a logo that is not a PNG or JPEG: QUOTE_PDF_LOGO_INVALID). */
export async function renderQuotePdf(data: QuotePdfData): Promise<Buffer> {
  const { doc, done } = createPdfDocument({
    Title: `报价单 ${data.quote.number} v${data.quote.revision}`,
    Author: data.company.name,
    Subject: data.customer.name,
  });

  let y = drawLetterhead(doc, data);
  y = drawParties(doc, data, y);
  y = drawTable(doc, data, y);
  y = drawTotals(doc, data, y);
  y = drawTerms(doc, data, y);
  drawSignatures(doc, data, y);
  drawPageNumbers(doc, `${data.quote.number} v${data.quote.revision}`);
  doc.end();
  return done;
}

function drawLetterhead(doc: Doc, data: QuotePdfData): number {
  const { company } = data;
  let x = LEFT;
  if (company.logo) {
    try {
      doc.image(company.logo, LEFT, PAGE.margin, { fit: [56, 56], valign: 'center' });
    } catch {
      throw new AppError('QUOTE_PDF_LOGO_INVALID', 422, [
        { field: 'company.logo', code: 'QUOTE_PDF_LOGO_INVALID', message: 'QUOTE_PDF_LOGO_INVALID' },
      ]);
    }
    x = LEFT + 66;
  }
  text(doc, company.name, x, PAGE.margin + 2, { size: 16, bold: true, width: RIGHT - x });
  const contact = [
    company.address && `地址：${company.address}`,
    [company.phone && `电话：${company.phone}`, company.email && `邮箱：${company.email}`].filter(Boolean).join('    '),
    company.taxId && `统一社会信用代码：${company.taxId}`,
  ].filter((s): s is string => !!s);
  contact.forEach((line, i) => text(doc, line, x, PAGE.margin + 25 + i * 12, { size: 8.5, color: MUTED, width: RIGHT - x }));
  const y = PAGE.margin + Math.max(company.logo ? 58 : 0, 27 + contact.length * 12) + 6;
  doc.rect(LEFT, y, CONTENT_WIDTH, 1.5).fill('#2f5496');
  text(doc, '报 价 单', LEFT, y + 12, { size: 20, bold: true, width: CONTENT_WIDTH, align: 'center' });
  return y + 46;
}

function drawParties(doc: Doc, data: QuotePdfData, top: number): number {
  const { customer, quote } = data;
  const half = CONTENT_WIDTH / 2;
  const left: [string, string | undefined][] = [
    ['客户名称', customer.name],
    ['联系人', customer.contact],
    ['联系电话', customer.phone],
    ['客户地址', customer.address],
  ];
  const right: [string, string | undefined][] = [
    ['报价单号', quote.number],
    ['版本', `v${quote.revision}`],
    ['报价日期', chineseDate(quote.date)],
    ['有效期至', chineseDate(quote.validUntil)],
    ['销售代表', quote.salesperson],
  ];
  const column = (rows: [string, string | undefined][], x: number, width: number) => {
    let y = top;
    for (const [label, value] of rows) {
      if (!value) continue;
      text(doc, `${label}：`, x, y, { size: 9, color: MUTED });
      doc.font('cjk').fontSize(9);
      const h = doc.heightOfString(value, { width: width - 56 });
      text(doc, value, x + 56, y, { size: 9, width: width - 56, lineBreak: true, height: 3 * 13, ellipsis: true });
      y += Math.min(h, 3 * 13) + 4;
    }
    return y;
  };
  const bottom = Math.max(column(left, LEFT, half - 10), column(right, LEFT + half + 10, half - 10));
  return bottom + 8;
}

function drawTableHeader(doc: Doc, y: number): number {
  const h = 20;
  doc.rect(LEFT, y, CONTENT_WIDTH, h).fill(HEADER_FILL);
  let x = LEFT;
  for (const c of COLUMNS) {
    text(doc, c.title, x + CELL_PAD, y + 5.5, { size: ROW_FONT, bold: true, width: c.width - 2 * CELL_PAD, align: c.align });
    x += c.width;
  }
  hline(doc, y + h, '#8c8c8c');
  return y + h;
}

/** A new page for the rest of the lines: the quote's number as a running head, then the table header again. */
function continuationPage(doc: Doc, data: QuotePdfData): number {
  doc.addPage();
  text(doc, `${data.company.name} · 报价单 ${data.quote.number} v${data.quote.revision}（续）`, LEFT, PAGE.margin, {
    size: 8.5,
    color: MUTED,
    width: CONTENT_WIDTH,
  });
  return drawTableHeader(doc, PAGE.margin + 16);
}

function drawTable(doc: Doc, data: QuotePdfData, top: number): number {
  text(doc, `币种：人民币（元）    单价${data.pricesIncludeTax ? '含税' : '不含税'}`, LEFT, top, {
    size: 8.5,
    color: MUTED,
    width: CONTENT_WIDTH,
    align: 'right',
  });
  let y = drawTableHeader(doc, top + 14);
  const nameWidth = COLUMNS[1]!.width - 2 * CELL_PAD;
  data.lines.forEach((line, i) => {
    doc.font('cjk').fontSize(ROW_FONT);
    const nameCap = NAME_MAX_LINES * doc.currentLineHeight(true) + 1;
    const nameHeight = Math.min(doc.heightOfString(line.name, { width: nameWidth }), nameCap);
    doc.fontSize(7.5);
    const specCap = SPEC_MAX_LINES * doc.currentLineHeight(true) + 1;
    const specHeight = line.spec ? Math.min(doc.heightOfString(line.spec, { width: nameWidth }), specCap) : 0;
    const h = Math.max(nameHeight + specHeight, 12) + 2 * CELL_PAD;
    if (y + h > BOTTOM) y = continuationPage(doc, data);
    const cells = [
      String(i + 1),
      '',
      line.unit,
      quantityText(line.quantity),
      formatMoney(line.unitPrice),
      line.discount ?? '',
      `${line.taxRate}%`,
      formatMoney(line.amount),
    ];
    let x = LEFT;
    COLUMNS.forEach((c, k) => {
      const cellTop = y + CELL_PAD;
      if (k === 1) {
        text(doc, line.name, x + CELL_PAD, cellTop, {
          size: ROW_FONT,
          width: nameWidth,
          lineBreak: true,
          height: nameCap,
          ellipsis: true,
        });
        if (line.spec)
          text(doc, line.spec, x + CELL_PAD, cellTop + nameHeight, {
            size: 7.5,
            color: MUTED,
            width: nameWidth,
            lineBreak: true,
            height: specCap,
            ellipsis: true,
          });
      } else text(doc, cells[k]!, x + CELL_PAD, cellTop, { size: ROW_FONT, width: c.width - 2 * CELL_PAD, align: c.align });
      x += c.width;
    });
    y += h;
    hline(doc, y);
  });
  return y;
}

function drawTotals(doc: Doc, data: QuotePdfData, top: number): number {
  const { totals } = data;
  const rows: [string, string, boolean][] = [['小计', formatMoney(totals.subtotal), false]];
  if (!/^-?0+(\.0+)?$/.test(totals.totalDiscount)) rows.push(['整单折扣', `-${formatMoney(totals.totalDiscount)}`, false]);
  rows.push(
    ['不含税金额', formatMoney(totals.net), false],
    ['税额', formatMoney(totals.tax), false],
    ['价税合计', `¥${formatMoney(totals.gross)}`, true],
  );
  // 大写金额 of a large amount is too long to share its line with the figures: they then go on a second line.
  const capital = `人民币${toCapitalAmount(totals.gross)}`;
  const figures = `（小写）¥${formatMoney(totals.gross)}`;
  doc.font('cjk-bold').fontSize(10.5);
  const capitalWidth = doc.widthOfString(capital);
  doc.font('cjk').fontSize(10);
  const oneLine = 98 + capitalWidth + 16 + doc.widthOfString(figures) + 16 <= CONTENT_WIDTH;
  const boxHeight = oneLine ? 26 : 44;
  const height = rows.length * 17 + 18 + boxHeight;
  let y = top + 8;
  if (y + height > BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  const labelX = RIGHT - 220;
  for (const [label, value, strong] of rows) {
    text(doc, label, labelX, y, { size: strong ? 10.5 : 9, bold: strong, width: 90, align: 'right' });
    text(doc, value, labelX + 96, y, { size: strong ? 10.5 : 9, bold: strong, width: 124 - CELL_PAD, align: 'right' });
    y += 17;
  }
  y += 4;
  doc.rect(LEFT, y, CONTENT_WIDTH, boxHeight).lineWidth(0.8).strokeColor('#8c8c8c').stroke();
  text(doc, '价税合计（大写）：', LEFT + 8, y + 8, { size: 10, color: MUTED });
  text(doc, capital, LEFT + 98, y + 7.5, { size: 10.5, bold: true });
  text(doc, figures, LEFT + 8, y + (oneLine ? 8 : 26), { size: 10, width: CONTENT_WIDTH - 16, align: 'right' });
  return y + boxHeight + 8;
}

function drawTerms(doc: Doc, data: QuotePdfData, top: number): number {
  const terms = data.terms?.filter((t) => t.trim()) ?? [];
  if (!terms.length) return top;
  let y = top + 6;
  if (y + 40 > BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  text(doc, '条款与说明', LEFT, y, { size: 10, bold: true });
  y += 16;
  terms.forEach((term, i) => {
    doc.font('cjk').fontSize(9);
    const h = doc.heightOfString(term, { width: CONTENT_WIDTH - 18 }) + 3;
    if (y + h > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    text(doc, `${i + 1}.`, LEFT, y, { size: 9 });
    text(doc, term, LEFT + 18, y, { size: 9, width: CONTENT_WIDTH - 18, lineBreak: true });
    y += h;
  });
  return y;
}

function drawSignatures(doc: Doc, data: QuotePdfData, top: number): void {
  const height = 96;
  let y = top + 16;
  if (y + height > BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  const half = CONTENT_WIDTH / 2;
  const block = (x: number, title: string, party: string, signer: string | undefined) => {
    text(doc, title, x, y, { size: 10, bold: true });
    text(doc, party, x, y + 18, { size: 9, width: half - 20 });
    text(doc, '授权代表（签字）：', x, y + 40, { size: 9 });
    if (signer) text(doc, signer, x + 96, y + 39, { size: 9.5, width: half - 130 });
    hline(doc, y + 53, '#8c8c8c', x + 90, x + half - 30);
    text(doc, '日期：', x, y + 62, { size: 9 });
    hline(doc, y + 74, '#8c8c8c', x + 30, x + half - 30);
    text(doc, '（盖章）', x + half - 80, y + 82, { size: 8.5, color: MUTED });
  };
  block(LEFT, '报价方', data.company.name, data.signature?.sellerSigner);
  block(LEFT + half + 10, '客户确认', data.customer.name, data.signature?.buyerSigner);
}

/**
 * Renders a one-line quote and throws it away. A process's first PDF costs 1–2 s more than the next ones (the fonts'
 * tables are read and the code is compiled on first use); a server calls this once at start so no user waits for it.
 */
export async function warmUpQuotePdf(): Promise<void> {
  await renderQuotePdf({
    company: { name: '关系' },
    customer: { name: '客户' },
    quote: { number: 'WARM-UP', revision: 1, date: '2026-01-01', validUntil: '2026-01-31' },
    pricesIncludeTax: false,
    lines: [{ name: '产品', unit: '个', quantity: '1', unitPrice: '1.00', taxRate: '13', amount: '1.00' }],
    totals: { subtotal: '1.00', totalDiscount: '0.00', net: '1.00', tax: '0.13', gross: '1.13' },
    terms: ['条款'],
  });
}
