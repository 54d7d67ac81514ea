// HTTP of record attachments, for every record type of the registry:
//   GET    /api/v1/<plural>/:id/attachments                          the record's files
//   POST   /api/v1/<plural>/:id/attachments                          multipart (field `file`), or the raw bytes with the
//                                                                    name percent-encoded in `X-File-Name`
//   GET    /api/v1/<plural>/:id/attachments/:attachmentId/download   the bytes, always as a download
//   DELETE /api/v1/<plural>/:id/attachments/:attachmentId            removes it from the record (soft, audited)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { recordAttachmentListSchema, recordAttachmentSchema } from '@guanxi/contracts';
import type { Db } from '../db/db.ts';
import type { EntityDescriptor } from '../entities/descriptor.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import type { KitContext } from '../entities/entity.read.ts';
import { requireActor } from '../http/context.ts';
import { fieldError } from '../http/errors.ts';
import {
  addAttachment,
  listAttachments,
  openAttachment,
  removeAttachment,
  tooLarge,
  type AttachmentUpload,
} from './attachments.service.ts';

const recordParams = z.object({ id: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves as they are. */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="合同.pdf"` is not valid ASCII: an ASCII stand-in for old clients, the real name in filename*. */
export function contentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^\w.-]/g, '') : '';
  const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const fallback = /[A-Za-z0-9]/.test(plain.slice(0, dot > 0 ? dot : undefined)) ? plain : `attachment${ext}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

function decodeHeaderName(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    throw fieldError('file', 'ATTACHMENT_NAME_REQUIRED', 'ATTACHMENT_NAME_REQUIRED');
  }
}

/** The upload of a request: the first file part of a multipart form, or the raw body named by X-File-Name. */
async function receive(
  request: FastifyRequest,
  maxBytes: number,
  store: (upload: AttachmentUpload) => Promise<unknown>,
): Promise<unknown> {
  if (!request.isMultipart()) {
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > maxBytes) throw tooLarge(maxBytes);
    return store({ fileName: decodeHeaderName(request.headers['x-file-name']), content: request.raw, maxBytes });
  }
  let stored: unknown;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') continue;
      if (stored !== undefined) {
        part.file.resume();
        continue;
      }
      stored = await store({
        fileName: part.filename,
        content: part.file,
        maxBytes,
        truncated: () => part.file.truncated,
      });
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw err;
  }
  if (stored === undefined) throw fieldError('file', 'required', 'required');
  return stored;
}

function registerFor(app: FastifyInstance, registry: EntityRegistry, descriptor: EntityDescriptor, maxBytes: number): void {
  const base = `/v1/${descriptor.plural}/:id/attachments`;
  const tags = [descriptor.plural];
  const ctxOf = (request: FastifyRequest): KitContext & { db: Db } => ({
    db: app.db,
    actor: requireActor(request),
    registry,
    descriptor,
    locale: request.locale,
  });

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Files attached to the record',
        params: recordParams,
        response: { 200: recordAttachmentListSchema },
      },
    },
    async (request) => {
      const { id } = request.params as z.infer<typeof recordParams>;
      return { items: await listAttachments(ctxOf(request), id) };
    },
  );

  app.post(
    base,
    { schema: { tags, summary: 'Attach a file (multipart `file`, or raw bytes with X-File-Name)', params: recordParams } },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof recordParams>;
      const ctx = ctxOf(request);
      const attachment = await receive(request, maxBytes, (upload) => addAttachment(ctx, id, upload));
      return reply.status(201).send(recordAttachmentSchema.parse(attachment));
    },
  );

  app.get(
    `${base}/:attachmentId/download`,
    { schema: { tags, summary: 'Download an attached file', params: attachmentParams } },
    async (request, reply) => {
      const { id, attachmentId } = request.params as z.infer<typeof attachmentParams>;
      const { attachment, content } = await openAttachment(ctxOf(request), id, attachmentId);
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', String(attachment.size))
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Readable.from(content));
    },
  );

  app.delete(
    `${base}/:attachmentId`,
    { schema: { tags, summary: 'Remove an attached file', params: attachmentParams } },
    async (request, reply) => {
      const { id, attachmentId } = request.params as z.infer<typeof attachmentParams>;
      await app.db.transaction((tx) => removeAttachment({ ...ctxOf(request), db: tx }, id, attachmentId));
      return reply.status(204).send();
    },
  );
}

/** Attachments for every record type of the registry. Uploads are the only non-JSON bodies these routes take. */
export async function registerAttachmentRoutes(app: FastifyInstance, registry: EntityRegistry): Promise<void> {
  await app.register(async (scope) => {
    const maxBytes = scope.config.attachmentMaxBytes;
    // The raw body is read as a stream by the handler, whatever its type (a .json file is bytes here, not JSON).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000 } });
    for (const descriptor of registry.all()) registerFor(scope, registry, descriptor, maxBytes);
  });
}
