// A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, CR/LF/CRLF line ends). Written here rather than
// using csv-parse because that parser reads ~30k rows/s on our machines, which alone would take half of the
// 3-minute budget for a million rows, several times over (preview, count, import). This one slices whole fields
// out of the text instead of walking them character by character into a buffer, so a 10 MB cell costs little.
const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Index of the first comma, CR or LF at or after `from`, or `text.length`. */
function fieldEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CR || c === LF) return i;
  }
  return text.length;
}

/**
 * Reads the complete rows at the start of `text`. Answers them and where the unfinished rest begins; with `final`
 * the rest is read as the last row. A stray quote inside an unquoted field is kept as text.
 */
function completeRows(text: string, final: boolean): { rows: string[][]; rest: number } {
  const rows: string[][] = [];
  const n = text.length;
  let start = 0;
  rows: while (start < n) {
    const row: string[] = [];
    let j = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(j) === QUOTE) {
        value = '';
        let k = j + 1;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0) {
            if (!final) break rows;
            value += text.slice(k);
            k = n;
            break;
          }
          if (q + 1 >= n && !final) break rows;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(k, q + 1);
            k = q + 2;
            continue;
          }
          value += text.slice(k, q);
          k = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        const end = fieldEnd(text, k);
        if (end >= n && !final) break rows;
        value += text.slice(k, end);
        j = end;
      } else {
        const end = fieldEnd(text, j);
        if (end >= n && !final) break rows;
        value = text.slice(j, end);
        j = end;
      }
      row.push(value);
      const c = text.charCodeAt(j);
      if (c === COMMA) {
        j++;
        if (j >= n && !final) break rows;
        if (j >= n) row.push('');
        else continue;
      } else if (c === CR) {
        if (j + 1 >= n && !final) break rows;
        j += text.charCodeAt(j + 1) === LF ? 2 : 1;
      } else if (c === LF) j++;
      rows.push(row);
      start = j;
      continue rows;
    }
  }
  return { rows, rest: start };
}

/** Rows of CSV text arriving in pieces; a leading byte-order mark is dropped. */
export async function* parseCsv(pieces: AsyncIterable<string>): AsyncGenerator<string[]> {
  let pending: string[] = [];
  let first = true;
  for await (const piece of pieces) {
    pending.push(piece);
    // No row can end in a piece without a line break: gather such pieces rather than rescanning a long cell.
    if (!/[\r\n]/.test(piece)) continue;
    let text = pending.join('');
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const { rows, rest } = completeRows(text, false);
    pending = rest < text.length ? [text.slice(rest)] : [];
    yield* rows;
  }
  let text = pending.join('');
  if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text) yield* completeRows(text, true).rows;
}
