// A customer's timeline: activities, field changes and, as later modules register them, orders, quotes, cases and e-mails.
import { z } from 'zod';

export const timelineEntrySchema = z.object({
  /** Id of the underlying row (activity, audit entry, …); with `at` it is the entry's place in the feed. */
  id: z.uuid(),
  /** ISO 8601 in UTC with microseconds. */
  at: z.string(),
  /** `call`, `visit`, `meeting`, `task`, `note`, `fieldChange`, … as GET /api/v1/timeline/types lists them. */
  type: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  /** The record the entry is about, to link to: /<plural of recordType>/<recordId>. */
  recordType: z.string(),
  recordId: z.uuid(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineResponseSchema = z.object({ items: z.array(timelineEntrySchema), nextCursor: z.string().nullable() });
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;

export const timelineTypesResponseSchema = z.object({ items: z.array(z.object({ type: z.string(), label: z.string() })) });
export type TimelineTypesResponse = z.infer<typeof timelineTypesResponseSchema>;
