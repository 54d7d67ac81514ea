// A realistic quote for the PDF's tests and its timing script: a logistics firm quoting n lines, the figures computed
// by calculateQuote, and a small generated PNG as the company's logo.
import { deflateSync, crc32 } from 'node:zlib';
import { calculateQuote, type QuoteLineInput } from './commerce.quoteMath.ts';
import type { QuotePdfData } from './commerce.quotePdf.ts';

const PRODUCTS: { name: string; spec: string; unit: string; price: string; rate: string }[] = [
  { name: '整车运输（上海—北京）', spec: '9.6 米厢式货车，含装卸', unit: '车次', price: '6800.00', rate: '9' },
  { name: '零担快运', spec: '按公斤计费，华东区域', unit: '公斤', price: '1.35', rate: '9' },
  { name: '仓储服务', spec: '常温库，按托盘每天计费', unit: '托·天', price: '3.50', rate: '6' },
  { name: '报关代理服务（一般贸易进口）', spec: '含单证制作、申报与查验陪同', unit: '票', price: '450.00', rate: '6' },
  { name: '木质包装箱', spec: '熏蒸处理，1200×1000×1000 mm', unit: '个', price: '285.00', rate: '13' },
  { name: '冷链运输（2–8℃）', spec: '温控记录全程可追溯', unit: '公里', price: '12.80', rate: '9' },
  { name: '货物运输保险', spec: '按货值 0.03% 投保', unit: '单', price: '33.33', rate: '6' },
  { name: '条码标签打印与粘贴', spec: 'GS1-128', unit: '张', price: '0.12', rate: '13' },
];

/** A quote of `lineCount` lines, prices without tax, rounded per line, with a 2% total discount. */
export function sampleQuoteData(lineCount: number): QuotePdfData {
  const lines = Array.from({ length: lineCount }, (_, i) => {
    const p = PRODUCTS[i % PRODUCTS.length]!;
    const quantity = ['3', '120.5', '45', '1', '12', '860', '2', '1500'][i % 8]!;
    const discount: QuoteLineInput['discount'] = i % 5 === 2 ? { kind: 'percent', value: '5' } : undefined;
    return { p, input: { quantity, unitPrice: p.price, taxRate: p.rate, ...(discount ? { discount } : {}) } };
  });
  const figures = calculateQuote(
    { lines: lines.map((l) => l.input), totalDiscount: { kind: 'percent', value: '2' } },
    { prices: 'exclusive', rounding: 'perLine' },
  );
  return {
    company: {
      name: '上海关系供应链管理有限公司',
      address: '上海市浦东新区张江高科技园区碧波路 690 号 3 号楼 501 室',
      phone: '021-5080 1234',
      email: 'sales@guanxi.example',
      taxId: '91310115MA1K4XXXXX',
      logo: sampleLogoPng(),
    },
    customer: {
      name: '北京东区进出口贸易有限公司',
      contact: '王晓明（采购经理）',
      phone: '010-8765 4321',
      address: '北京市朝阳区建国路 88 号 SOHO 现代城 A 座 1203',
    },
    quote: { number: 'QT-2026-001234', revision: 2, date: '2026-11-29', validUntil: '2026-12-29', salesperson: '李娜' },
    pricesIncludeTax: false,
    lines: lines.map((l, i) => ({
      name: l.p.name,
      spec: l.p.spec,
      unit: l.p.unit,
      quantity: l.input.quantity,
      unitPrice: l.input.unitPrice,
      discount: l.input.discount ? `${l.input.discount.value}%` : '',
      taxRate: l.input.taxRate,
      amount: figures.lines[i]!.subtotal,
    })),
    totals: figures.totals,
    terms: [
      '本报价自报价日期起 30 日内有效，逾期请重新询价。',
      '付款方式：合同签订后预付 30%，货物签收后 30 日内付清余款。',
      '运输时效以实际路况为准；因不可抗力造成的延误，双方互不承担责任。',
      '以上价格为不含税价，税额按现行增值税税率（运输 9%、现代服务 6%、货物 13%）另计。',
    ],
    signature: { sellerSigner: '李娜' },
  };
}

/** A 64 × 64 PNG: a red ring on white, standing in for a company's logo. */
export function sampleLogoPng(): Buffer {
  const size = 64;
  const raw = Buffer.alloc(size * (size * 3 + 1), 0xff);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - 31.5, y - 31.5);
      if ((r > 22 && r < 30) || (Math.abs(x - 31.5) < 4 && Math.abs(y - 31.5) < 14)) {
        const at = y * (size * 3 + 1) + 1 + x * 3;
        raw[at] = 0xc8;
        raw[at + 1] = 0x10;
        raw[at + 2] = 0x2e;
      }
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
