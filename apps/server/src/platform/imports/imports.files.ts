// Files of imports and exports, kept in the database in 1 MiB chunks rather than on a disk: the job that reads an
// upload may run in another server process (or machine) than the request that received it, and bytea works the
// same on PGlite and PostgreSQL. Written and read one chunk at a time, so a 200 MB file never sits in memory.
import { PassThrough, Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import type { DbOrTx } from '../db/db.ts';
import { transferChunks } from './imports.schema.ts';

export const CHUNK_SIZE = 1024 * 1024;

/** Writes `source` as the chunks of `fileId` and answers the number of bytes; `onBytes` sees every piece. */
export async function storeFile(
  db: DbOrTx,
  fileId: string,
  source: AsyncIterable<Buffer | Uint8Array | string>,
  onBytes?: (piece: Buffer) => void,
): Promise<number> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let seq = 0;
  let size = 0;
  const flush = async (final: boolean) => {
    while (pendingSize >= CHUNK_SIZE || (final && pendingSize > 0)) {
      const all = Buffer.concat(pending);
      const data = all.subarray(0, CHUNK_SIZE);
      const rest = all.subarray(data.length);
      await db.insert(transferChunks).values({ fileId, seq: seq++, data: Buffer.from(data) });
      pending = rest.length ? [Buffer.from(rest)] : [];
      pendingSize = rest.length;
    }
  };
  for await (const piece of source) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    onBytes?.(buffer);
    pending.push(buffer);
    pendingSize += buffer.length;
    size += buffer.length;
    await flush(false);
  }
  await flush(true);
  return size;
}

/** The chunks of a file in order, fetched one query at a time. */
export async function* readFile(db: DbOrTx, fileId: string, fromSeq = 0): AsyncGenerator<Buffer> {
  for (let seq = fromSeq; ; seq++) {
    const [row] = await db
      .select({ data: transferChunks.data })
      .from(transferChunks)
      .where(and(eq(transferChunks.fileId, fileId), eq(transferChunks.seq, seq)));
    if (!row) return;
    yield row.data;
  }
}

export async function deleteFile(db: DbOrTx, fileId: string): Promise<void> {
  await db.delete(transferChunks).where(eq(transferChunks.fileId, fileId));
}

/** Reads bytes [start, end) of a stored file; the last chunk read is kept, as zip readers ask for small ranges. */
function rangeReader(db: DbOrTx, fileId: string) {
  let cached: { seq: number; data: Buffer } | undefined;
  return async function* (start: number, end: number): AsyncGenerator<Buffer> {
    const first = Math.floor(start / CHUNK_SIZE);
    const last = Math.floor((end - 1) / CHUNK_SIZE);
    for (let seq = first; seq <= last && end > start; seq++) {
      if (cached?.seq !== seq) {
        const [row] = await db
          .select({ data: transferChunks.data })
          .from(transferChunks)
          .where(and(eq(transferChunks.fileId, fileId), eq(transferChunks.seq, seq)));
        if (!row) throw new Error(`chunk ${seq} of file ${fileId} is missing`);
        cached = { seq, data: row.data };
      }
      const base = seq * CHUNK_SIZE;
      yield cached.data.subarray(Math.max(0, start - base), Math.min(CHUNK_SIZE, end - base));
    }
  };
}

/** Opens a stored .zip (an .xlsx) for random access without copying it out of the database. */
export async function openStoredZip(db: DbOrTx, fileId: string, size: number): Promise<yauzl.ZipFile> {
  const read = rangeReader(db, fileId);
  class StoredFileReader extends yauzl.RandomAccessReader {
    override _readStreamForRange(start: number, end: number): Readable {
      const out = new PassThrough();
      Readable.from(read(start, end))
        .on('error', (err) => out.destroy(err))
        .pipe(out);
      return out;
    }
  }
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(new StoredFileReader(), size, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}
