// The answer of GET /api/v1/search: matching records grouped by record type, best matches first.
import { z } from 'zod';

export const searchGroupSchema = z.object({
  type: z.string(),
  plural: z.string(),
  /** The type's name in the caller's language. */
  label: z.string(),
  items: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

export const searchResponseSchema = z.object({ query: z.string(), groups: z.array(searchGroupSchema) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
