// Times the quote PDF (target: 50 lines in ≤ 500 ms) and writes a sample to look at. Not a test: timings depend on
// the machine. Run from apps/server: npx tsx src/modules/commerce/commerce.quotePdf.timing.ts [lines] [out.pdf]
import { writeFileSync } from 'node:fs';
import { preloadPdfFonts } from './commerce.pdf.ts';
import { renderQuotePdf } from './commerce.quotePdf.ts';
import { sampleQuoteData } from './commerce.quotePdf.fixture.ts';

const lineCount = Number(process.argv[2] ?? 50);
const out = process.argv[3] ?? '/tmp/guanxi-quote-sample.pdf';
const data = sampleQuoteData(lineCount);

let start = performance.now();
preloadPdfFonts();
console.log(`fonts opened in ${(performance.now() - start).toFixed(0)} ms`);

// Wall time, and this process's CPU time, which other work on a shared machine does not inflate.
const times: { wall: number; cpu: number }[] = [];
let pdf: Buffer = Buffer.alloc(0);
for (let i = 0; i < 10; i++) {
  start = performance.now();
  const cpu = process.cpuUsage();
  pdf = await renderQuotePdf(data);
  const used = process.cpuUsage(cpu);
  times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const warm = times.slice(1);
const ms = (v: number) => `${v.toFixed(0)} ms`;
console.log(`${lineCount} lines → ${pdf.length} bytes`);
console.log(`first render: wall ${ms(times[0]!.wall)}, cpu ${ms(times[0]!.cpu)}`);
console.log(
  `next ${warm.length}: wall median ${ms(median(warm.map((t) => t.wall)))} (max ${ms(Math.max(...warm.map((t) => t.wall)))}), ` +
    `cpu median ${ms(median(warm.map((t) => t.cpu)))}`,
);
writeFileSync(out, pdf);
console.log(`written to ${out}`);
