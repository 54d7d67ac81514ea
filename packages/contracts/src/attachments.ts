// Files attached to a record of any type: GET/POST /api/v1/<plural>/:id/attachments, download, delete.
import { z } from 'zod';

export const recordAttachmentSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  recordId: z.uuid(),
  fileName: z.string(),
  /** Sniffed from the bytes on upload (never the browser's claim): `application/pdf`, `image/png`, … */
  contentType: z.string(),
  size: z.number().int(),
  /** SHA-256 of the bytes, hex. */
  sha256: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
  createdByName: z.string().nullable(),
});
export type RecordAttachment = z.infer<typeof recordAttachmentSchema>;

export const recordAttachmentListSchema = z.object({ items: z.array(recordAttachmentSchema) });
