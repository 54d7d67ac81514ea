import { describe, expect, it } from 'vitest';
import { parseCsv } from './imports.csv.ts';

async function rows(pieces: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of parseCsv(
    (async function* () {
      yield* pieces;
    })(),
  ))
    out.push(row);
  return out;
}

describe('CSV reader', () => {
  const text = '\uFEFF名称,备注\r\n"北京, 东区","他说""好""\r\n第二行"\n上海,\r\n,\n"末尾"x,y';
  const expected = [
    ['名称', '备注'],
    ['北京, 东区', '他说"好"\r\n第二行'],
    ['上海', ''],
    ['', ''],
    ['末尾x', 'y'],
  ];

  it('reads quoted fields, doubled quotes, line breaks in cells and every line end', async () => {
    expect(await rows([text])).toEqual(expected);
  });

  it('gives the same rows however the text is cut into pieces', async () => {
    for (let size = 1; size < 12; size++) {
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
      expect(await rows(pieces), `pieces of ${size}`).toEqual(expected);
    }
  });

  it('keeps a 10 MB cell whole', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const pieces = [`a,b\n1,"${big.slice(0, 5_000_000)}`, `${big.slice(5_000_000)}"\n2,z\n`];
    const out = await rows(pieces);
    expect(out.map((r) => r[1]!.length)).toEqual([1, big.length, 1]);
  });
});
