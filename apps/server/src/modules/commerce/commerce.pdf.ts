// What every printed commerce document (quote, later contract and statement) shares: Chinese fonts, an A4 page,
// a text helper and page numbers. Chinese is drawn with Noto Sans SC (OFL-1.1) from the npm package
// @embedpdf/fonts-sc, subset into each PDF by pdfkit, so a file reads the same on any machine and nothing is looked
// up in the system's fonts or downloaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };
let fonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;

/**
 * Opens the two CJK fonts once per process (≈ 20 ms; parsing them for each document would cost several hundred).
 * Called by the first render; see also warmUpQuotePdf.
 */
export function preloadPdfFonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  if (fonts) return fonts;
  // The package exports only its index, so its fonts are found beside it: <package>/dist/index.cjs → <package>/fonts.
  const dir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const open = (file: string) => fontkit.create(readFileSync(join(dir, file))) as fontkit.Font;
  fonts = { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  return fonts;
}

export const PAGE = { width: 595.28, height: 841.89, margin: 40 };
export const LEFT = PAGE.margin;
export const RIGHT = PAGE.width - PAGE.margin;
export const CONTENT_WIDTH = RIGHT - LEFT;
/** Lowest y a table row or block may reach; below it are the page numbers. */
export const BOTTOM = PAGE.height - PAGE.margin - 16;
export const INK = '#1f1f1f';
export const MUTED = '#666666';
export const RULE = '#bfbfbf';

export type Doc = PDFKit.PDFDocument;

/** A new A4 document with the fonts registered as `cjk` and `cjk-bold`, and a promise of its bytes once ended. */
export function createPdfDocument(info: PDFKit.DocumentInfo): { doc: Doc; done: Promise<Buffer> } {
  const { regular, bold } = preloadPdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info,
  });
  // pdfkit takes an opened fontkit font as well as a file (PDFFontFactory.open); its type list omits it.
  doc.registerFont('cjk', regular as unknown as Buffer);
  doc.registerFont('cjk-bold', bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * Writes one piece of text. A single line (the default) that is wider than `width` is set smaller until it fits, so a
 * 16-digit amount stays on its line instead of wrapping into the next row.
 */
export function text(
  doc: Doc,
  value: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions & { size?: number; bold?: boolean; color?: string } = {},
) {
  const { size = 9, bold = false, color = INK, ...rest } = options;
  doc
    .font(bold ? 'cjk-bold' : 'cjk')
    .fontSize(size)
    .fillColor(color);
  if (!rest.lineBreak && rest.width) {
    const natural = doc.widthOfString(value);
    if (natural > rest.width) doc.fontSize(Math.max(5, (size * rest.width * 0.98) / natural));
  }
  doc.text(value, x, y, { lineBreak: false, ...rest });
}

/** A thin horizontal rule, by default across the page. */
export function hline(doc: Doc, y: number, color = RULE, x1 = LEFT, x2 = RIGHT) {
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor(color).stroke();
}

/** 第 n 页 / 共 N 页 at the foot of every page, with `reference` (the document's number) on the left; call last. */
export function drawPageNumbers(doc: Doc, reference: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin while the footer is drawn.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin + 8;
    hline(doc, y - 6, '#d9d9d9');
    text(doc, reference, LEFT, y, { size: 8, color: MUTED });
    text(doc, `第 ${i - start + 1} 页 / 共 ${count} 页`, LEFT, y, {
      size: 8,
      color: MUTED,
      width: CONTENT_WIDTH,
      align: 'center',
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
