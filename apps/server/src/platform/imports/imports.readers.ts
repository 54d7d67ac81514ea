// Rows of an uploaded file as arrays of cell texts, streamed: CSV in UTF-8 (with or without BOM) or GB18030/GBK,
// and .xlsx (the first worksheet, read through the zip without unpacking it; shared strings are held in memory).
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import type yauzl from 'yauzl';
import type { DbOrTx } from '../db/db.ts';
import { openStoredZip, readFile } from './imports.files.ts';
import { parseCsv } from './imports.csv.ts';

export type FileEncoding = 'utf-8' | 'gb18030';
export type FileFormat = 'csv' | 'xlsx';

/** Watches bytes as they arrive and tells whether they were all valid UTF-8; otherwise the file is read as GB18030. */
export function encodingDetector(): { push(piece: Buffer): void; result(): FileEncoding } {
  let valid = true;
  let carry = Buffer.alloc(0);
  return {
    push(piece) {
      if (!valid) return;
      const bytes = carry.length ? Buffer.concat([carry, piece]) : piece;
      // A character cut in two by the piece boundary waits for the next piece.
      let cut = bytes.length;
      for (let back = 1; back <= 3 && back <= bytes.length; back++) {
        const b = bytes[bytes.length - back]!;
        if ((b & 0xc0) === 0x80) continue;
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (need > back) cut = bytes.length - back;
        break;
      }
      valid = isUtf8(bytes.subarray(0, cut));
      carry = Buffer.from(bytes.subarray(cut));
    },
    result() {
      // GB18030 is a superset of GBK and GB2312, so one decoder reads all three.
      return valid && carry.length === 0 ? 'utf-8' : 'gb18030';
    },
  };
}

export const isZip = (head: Buffer): boolean => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;

export interface StoredFile {
  id: string;
  size: number;
  format: FileFormat;
  encoding: FileEncoding | null;
}

/** Every row of the file, the header row first. */
export function readRows(db: DbOrTx, file: StoredFile): AsyncGenerator<string[]> {
  return file.format === 'xlsx' ? readXlsxRows(db, file) : readCsvRows(db, file);
}

async function* decode(bytes: AsyncIterable<Buffer>, encoding: FileEncoding): AsyncGenerator<string> {
  if (encoding === 'gb18030') {
    yield* Readable.from(bytes).pipe(iconv.decodeStream('gb18030')) as AsyncIterable<string>;
    return;
  }
  const decoder = new StringDecoder('utf8');
  for await (const piece of bytes) yield decoder.write(piece);
  yield decoder.end();
}

async function* readCsvRows(db: DbOrTx, file: StoredFile): AsyncGenerator<string[]> {
  for await (const record of parseCsv(decode(readFile(db, file.id), file.encoding ?? 'utf-8'))) {
    if (record.every((cell) => cell.trim() === '')) continue;
    yield record;
  }
}

function entries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      found.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/** Runs a SAX parser over one zip entry, yielding whatever `collect` gathered after each piece of input. */
async function* saxEntry<T>(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  setup: (parser: SaxesParser, out: T[]) => void,
): AsyncGenerator<T> {
  const parser = new SaxesParser();
  const out: T[] = [];
  setup(parser, out);
  const stream = await openEntry(zip, entry);
  stream.setEncoding('utf8');
  for await (const piece of stream as AsyncIterable<string>) {
    parser.write(piece);
    yield* out.splice(0);
  }
  parser.close();
  yield* out.splice(0);
}

async function readXml(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, onOpen: (parser: SaxesParser) => void) {
  if (!entry) return;
  for await (const _ of saxEntry<never>(zip, entry, (parser) => onOpen(parser))) void _;
}

/** Path of the first worksheet, as the workbook orders its sheets. */
async function firstSheetPath(zip: yauzl.ZipFile, all: Map<string, yauzl.Entry>): Promise<string | undefined> {
  let relId: string | undefined;
  await readXml(zip, all.get('xl/workbook.xml'), (p) =>
    p.on('opentag', (tag) => {
      if (tag.name === 'sheet' && relId === undefined) relId = String(tag.attributes['r:id'] ?? '');
    }),
  );
  let target: string | undefined;
  await readXml(zip, all.get('xl/_rels/workbook.xml.rels'), (p) =>
    p.on('opentag', (tag) => {
      if (tag.name === 'Relationship' && tag.attributes.Id === relId) target = String(tag.attributes.Target);
    }),
  );
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return [...all.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort()[0];
}

/** Text of every shared string, ignoring phonetic runs (rPh), which would add kana or pinyin to the text. */
async function sharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await readXml(zip, entry, (p) => {
    p.on('opentag', (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && phonetic === 0) inText = true;
    });
    p.on('text', (text) => {
      if (inText) current += text;
    });
    p.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 'si') strings.push(current);
    });
  });
  return strings;
}

const columnIndex = (ref: string): number => {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
};

async function* readXlsxRows(db: DbOrTx, file: StoredFile): AsyncGenerator<string[]> {
  const zip = await openStoredZip(db, file.id, file.size);
  try {
    const all = await entries(zip);
    const sheetPath = await firstSheetPath(zip, all);
    const sheet = sheetPath ? all.get(sheetPath) : undefined;
    if (!sheet) throw new Error('the workbook has no worksheet');
    const strings = await sharedStrings(zip, all.get('xl/sharedStrings.xml'));
    let row: string[] | null = null;
    let cell: { col: number; type: string; text: string } | null = null;
    let inValue = false;
    let nextCol = 0;
    yield* saxEntry<string[]>(zip, sheet, (p, out) => {
      p.on('opentag', (tag) => {
        if (tag.name === 'row') {
          row = [];
          nextCol = 0;
        } else if (tag.name === 'c' && row) {
          const ref = tag.attributes.r ? String(tag.attributes.r) : '';
          const col = ref ? columnIndex(ref) : nextCol;
          cell = { col, type: String(tag.attributes.t ?? 'n'), text: '' };
          nextCol = col + 1;
        } else if ((tag.name === 'v' || tag.name === 't') && cell) inValue = true;
      });
      p.on('text', (text) => {
        if (inValue && cell) cell.text += text;
      });
      p.on('closetag', (tag) => {
        if (tag.name === 'v' || tag.name === 't') inValue = false;
        else if (tag.name === 'c' && cell && row) {
          let value = cell.text;
          if (cell.type === 's') value = strings[Number(value)] ?? '';
          else if (cell.type === 'b') value = value === '1' ? 'TRUE' : 'FALSE';
          while (row.length < cell.col) row.push('');
          row[cell.col] = value;
          cell = null;
        } else if (tag.name === 'row' && row) {
          if (row.some((v) => v.trim() !== '')) out.push(row);
          row = null;
        }
      });
    });
  } finally {
    zip.close();
  }
}

/** The header row and up to `limit` data rows, reading no further than needed. */
export async function previewRows(db: DbOrTx, file: StoredFile, limit: number): Promise<{ headers: string[]; rows: string[][] }> {
  const rows: string[][] = [];
  let headers: string[] | undefined;
  const reader = readRows(db, file);
  try {
    for await (const row of reader) {
      if (!headers) headers = row.map((h) => h.trim());
      else rows.push(row);
      if (rows.length >= limit) break;
    }
  } finally {
    await reader.return(undefined);
  }
  return { headers: headers ?? [], rows };
}
