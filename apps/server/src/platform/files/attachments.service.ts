// Files attached to a record of any kit record type (a contract's signed scan, a quote's drawing). The record decides
// who may do what: whoever may read it lists and downloads its files, whoever may update it adds and removes them —
// a hidden record answers 404, a visible one the caller may not change 403. Bytes are stored in chunks like import
// files (imports.files.ts), hashed and measured on the way in; the type is sniffed, not taken from the browser.
// Removing is soft (deleted_at) and, like adding, leaves an entry in the record's history.
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { RecordAttachment } from '@guanxi/contracts';
import type { Db } from '../db/db.ts';
import { newId } from '../db/columns.ts';
import { users } from '../access/access.schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getRecord, type KitContext } from '../entities/entity.read.ts';
import { AppError, fieldError } from '../http/errors.ts';
import { deleteFile, readFile, storeFile } from '../imports/imports.files.ts';
import { sniffContentType } from './attachments.sniff.ts';
import { recordAttachments } from './attachments.schema.ts';
import './attachments.messages.ts';

export const ATTACHMENT_ADD = 'attachment.add';
export const ATTACHMENT_REMOVE = 'attachment.remove';
/** How many first bytes the type is judged from. */
const HEAD_BYTES = 4096;
const MAX_NAME_LENGTH = 200;

type Row = typeof recordAttachments.$inferSelect;

export const tooLarge = (maxBytes: number): AppError =>
  new AppError('ATTACHMENT_TOO_LARGE', 413, undefined, { mb: Math.round((maxBytes / 1048576) * 10) / 10 });

/**
 * The name as stored and offered for download: the last part of a path (browsers on Windows once sent
 * `C:\fakepath\…`), without control characters, at most 200 characters keeping the extension.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}

function toView(row: Row, createdByName: string | null): RecordAttachment {
  return {
    id: row.id,
    recordType: row.recordType,
    recordId: row.recordId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName,
  };
}

/** The record, checked for the caller: 404 when hidden, 403 when `update` is needed and not allowed. */
async function requireRecord(ctx: KitContext, recordId: string, action: 'read' | 'update'): Promise<void> {
  const record = await getRecord(ctx, recordId);
  const access = record.access as { update?: boolean } | undefined;
  if (action === 'update' && !access?.update) throw new AppError('FORBIDDEN', 403);
}

export async function listAttachments(ctx: KitContext, recordId: string): Promise<RecordAttachment[]> {
  await requireRecord(ctx, recordId, 'read');
  const rows = await ctx.db
    .select({ row: recordAttachments, createdByName: users.displayName })
    .from(recordAttachments)
    .leftJoin(users, eq(users.id, recordAttachments.createdBy))
    .where(live(ctx.descriptor.name, recordId))
    .orderBy(desc(recordAttachments.createdAt), desc(recordAttachments.id));
  return rows.map(({ row, createdByName }) => toView(row, createdByName));
}

const live = (recordType: string, recordId: string, id?: string) =>
  and(
    eq(recordAttachments.recordType, recordType),
    eq(recordAttachments.recordId, recordId),
    isNull(recordAttachments.deletedAt),
    id ? eq(recordAttachments.id, id) : undefined,
  );

export interface AttachmentUpload {
  fileName: string;
  content: AsyncIterable<Buffer | Uint8Array | string>;
  maxBytes: number;
  /** True when the upload was cut at the size limit before the content ended (multipart's own limit). */
  truncated?: () => boolean;
}

/** Stops the upload with 413 as soon as it passes `maxBytes`, so an oversized file is never stored whole. */
async function* limited(content: AttachmentUpload['content'], maxBytes: number): AsyncGenerator<Buffer | Uint8Array | string> {
  let size = 0;
  for await (const piece of content) {
    size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    yield piece;
  }
}

/**
 * Stores an upload and attaches it to the record. The chunks are written outside a transaction (a large file would
 * hold one open for its whole transfer); the attachment row and its audit entry are written in one, after the
 * record's rights are checked again. Any failure removes the chunks.
 */
export async function addAttachment(
  ctx: KitContext & { db: Db },
  recordId: string,
  upload: AttachmentUpload,
): Promise<RecordAttachment> {
  await requireRecord(ctx, recordId, 'update');
  const fileName = cleanFileName(upload.fileName);
  if (!fileName) throw fieldError('file', 'ATTACHMENT_NAME_REQUIRED', 'ATTACHMENT_NAME_REQUIRED');
  const id = newId();
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  try {
    const size = await storeFile(ctx.db, id, limited(upload.content, upload.maxBytes), (piece) => {
      hash.update(piece);
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, piece.subarray(0, HEAD_BYTES - head.length)]);
    });
    if (upload.truncated?.()) throw tooLarge(upload.maxBytes);
    if (size === 0) throw fieldError('file', 'ATTACHMENT_EMPTY', 'ATTACHMENT_EMPTY');
    const row = await ctx.db.transaction(async (tx) => {
      const inTx = { ...ctx, db: tx };
      await requireRecord(inTx, recordId, 'update');
      const [inserted] = await tx
        .insert(recordAttachments)
        .values({
          id,
          recordType: ctx.descriptor.name,
          recordId,
          fileId: id,
          fileName,
          contentType: sniffContentType(head, fileName),
          size,
          sha256: hash.digest('hex'),
          createdBy: ctx.actor.userId,
        })
        .returning();
      await recordAudit(tx, ctx.actor, {
        recordType: ctx.descriptor.name,
        recordId,
        action: ATTACHMENT_ADD,
        changes: [{ field: 'attachment', old: null, new: fileName }],
      });
      return inserted!;
    });
    return toView(row, ctx.actor.displayName);
  } catch (err) {
    await deleteFile(ctx.db, id);
    throw err;
  }
}

/** One live attachment of a record the caller may read, with its bytes as a stream of chunks. */
export async function openAttachment(
  ctx: KitContext,
  recordId: string,
  attachmentId: string,
): Promise<{ attachment: RecordAttachment; content: AsyncGenerator<Buffer> }> {
  await requireRecord(ctx, recordId, 'read');
  const [row] = await ctx.db
    .select()
    .from(recordAttachments)
    .where(live(ctx.descriptor.name, recordId, attachmentId));
  if (!row) throw new AppError('NOT_FOUND', 404);
  return { attachment: toView(row, null), content: readFile(ctx.db, row.fileId) };
}

/** Moves an attachment out of the record's list (kept, with who removed it and when), audited on the record. */
export async function removeAttachment(ctx: KitContext, recordId: string, attachmentId: string): Promise<void> {
  await requireRecord(ctx, recordId, 'update');
  const [row] = await ctx.db
    .update(recordAttachments)
    .set({ deletedAt: new Date(), deletedBy: ctx.actor.userId })
    .where(live(ctx.descriptor.name, recordId, attachmentId))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 404);
  await recordAudit(ctx.db, ctx.actor, {
    recordType: ctx.descriptor.name,
    recordId,
    action: ATTACHMENT_REMOVE,
    changes: [{ field: 'attachment', old: row.fileName, new: null }],
  });
}
