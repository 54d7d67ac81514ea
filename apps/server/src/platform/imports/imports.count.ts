// Counts the rows of a CSV upload while its bytes are being stored, so an import needs no second pass over a
// million-row file before it starts. Works on the raw bytes: in UTF-8 and in GB18030/GBK alike a quote, comma, CR or
// LF byte is always that character (multi-byte characters never contain them), so the encoding need not be known.
// Follows the reader's rules (imports.csv.ts): quoted fields may hold line breaks; blank lines are not rows.
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Bytes that leave a row blank: spaces, tabs, and the UTF-8 byte-order mark at the start of the file. */
const isBlankByte = (b: number) => b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c;

export interface RowCounter {
  push(piece: Buffer): void;
  /** Non-blank rows, the header included. */
  rows(): number;
}

export function csvRowCounter(): RowCounter {
  // FIELD: at a field's start; TEXT: in an unquoted field; QUOTED: inside quotes; CLOSED: just after a quote inside quotes.
  let state: 'FIELD' | 'TEXT' | 'QUOTED' | 'CLOSED' = 'FIELD';
  let filled = false;
  let count = 0;
  let offset = 0;
  const endRow = () => {
    if (filled) count++;
    filled = false;
    state = 'FIELD';
  };
  return {
    push(piece) {
      let start = 0;
      // A leading UTF-8 byte-order mark is no content.
      if (offset === 0 && piece.length >= 3 && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf) start = 3;
      offset += piece.length;
      for (let i = start; i < piece.length; i++) {
        const b = piece[i]!;
        switch (state) {
          case 'FIELD':
            if (b === QUOTE) state = 'QUOTED';
            else if (b === CR || b === LF) endRow();
            else if (b !== COMMA) {
              state = 'TEXT';
              if (!isBlankByte(b)) filled = true;
            }
            break;
          case 'TEXT':
            if (b === COMMA) state = 'FIELD';
            else if (b === CR || b === LF) endRow();
            else if (!isBlankByte(b)) filled = true;
            break;
          case 'QUOTED':
            if (b === QUOTE) state = 'CLOSED';
            else if (!isBlankByte(b) && b !== CR && b !== LF) filled = true;
            break;
          case 'CLOSED':
            if (b === QUOTE) {
              // A doubled quote is a quote character in the field.
              filled = true;
              state = 'QUOTED';
            } else if (b === COMMA) state = 'FIELD';
            else if (b === CR || b === LF) endRow();
            else {
              state = 'TEXT';
              if (!isBlankByte(b)) filled = true;
            }
            break;
        }
      }
    },
    rows() {
      return count + (filled ? 1 : 0);
    },
  };
}
