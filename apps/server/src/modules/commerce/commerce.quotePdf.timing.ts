// Times the quote PDF (target: 50 lines in ≤ 500 ms) and writes a sample to look at. Not a test: timings depend on
// the machine. Run from apps/server: npx tsx src/modules/commerce/commerce.quotePdf.timing.ts [lines] [out.pdf]
import { writeFileSync } from 'node:fs';
import { preloadQuotePdfFonts, renderQuotePdf } from './commerce.quotePdf.ts';
import { sampleQuoteData } from './commerce.quotePdf.fixture.ts';

const lineCount = Number(process.argv[2] ?? 50);
const out = process.argv[3] ?? '/tmp/guanxi-quote-sample.pdf';
const data = sampleQuoteData(lineCount);

let start = performance.now();
preloadQuotePdfFonts();
console.log(`fonts opened in ${(performance.now() - start).toFixed(0)} ms`);

const times: number[] = [];
let pdf: Buffer = Buffer.alloc(0);
for (let i = 0; i < 10; i++) {
  start = performance.now();
  pdf = await renderQuotePdf(data);
  times.push(performance.now() - start);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${lineCount} lines → ${pdf.length} bytes`);
console.log(
  `first render ${times[0]!.toFixed(0)} ms; next 9: median ${sorted[5]!.toFixed(0)} ms, max ${Math.max(...times.slice(1)).toFixed(0)} ms`,
);
writeFileSync(out, pdf);
console.log(`written to ${out}`);
