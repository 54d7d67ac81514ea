// The row count taken on an upload's bytes must agree with the rows the reader later yields, whatever the pieces,
// line ends, quoting or encoding, so the progress bar's total is right from the start.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { csvRowCounter } from './imports.count.ts';
import { parseCsv } from './imports.csv.ts';

async function readerRows(text: string): Promise<number> {
  let n = 0;
  async function* pieces() {
    yield text;
  }
  for await (const row of parseCsv(pieces())) if (row.some((cell) => cell.trim() !== '')) n++;
  return n;
}

function counted(bytes: Buffer, pieceSize: number): number {
  const counter = csvRowCounter();
  for (let i = 0; i < bytes.length; i += pieceSize) counter.push(bytes.subarray(i, i + pieceSize));
  return counter.rows();
}

const SAMPLES: Record<string, string> = {
  'BOM and CRLF': '\uFEFF名称,电话\r\n北京一号,010-1\r\n上海二号,021-2\r\n',
  'quoted line breaks and commas': '名称,备注\n"广州,三号","第一行\n第二行"\n"深圳""四号""",x\n',
  'blank lines and commas-only lines': '名称\n\n北京\n ,  ,\n"",""\n\r\n上海',
  'no final line break': '名称,城市\n天津,天津市',
  'CR only': '名称\r重庆\r成都\r',
  'text after a closing quote': '名称,备注\n"杭州"市,"a"b\n',
};

describe('row count at upload', () => {
  for (const [name, text] of Object.entries(SAMPLES))
    it(`counts as the reader reads: ${name}`, async () => {
      const expected = await readerRows(text);
      for (const size of [1, 2, 3, 7, 1 << 20])
        expect(counted(Buffer.from(text, 'utf8'), size), `pieces of ${size}`).toBe(expected);
    });

  it('counts a GBK file on its bytes, before its encoding is known', async () => {
    const text = '名称,地址\r\n"北京东区邮政","朝阳区\r\n建国路"\r\n上海浦东发展,浦东新区\r\n';
    const gbk = iconv.encode(text, 'gbk');
    expect(counted(gbk, 5)).toBe(await readerRows(text));
    expect(counted(gbk, 5)).toBe(3);
  });
});
