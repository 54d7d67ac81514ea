// Saved list views: what a list shows (filters, sort, columns), private or shared with an org unit.
import { z } from 'zod';

export const savedViewDefinitionSchema = z
  .object({
    /** Query parameters of the list, e.g. { "filter[status][eq]": "active", "q": "北京" }. */
    filters: z.record(z.string().max(100), z.string().max(1000)).default({}),
    sort: z.string().max(300).optional(),
    columns: z.array(z.string().max(100)).max(100).default([]),
  })
  .strict();
export type SavedViewDefinition = z.infer<typeof savedViewDefinitionSchema>;

export const createSavedViewSchema = z
  .object({
    recordType: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(100),
    sharedOrgUnitId: z.uuid().nullable().default(null),
    definition: savedViewDefinitionSchema,
    makeDefault: z.boolean().default(false),
  })
  .strict();

export const updateSavedViewSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    sharedOrgUnitId: z.uuid().nullable().optional(),
    definition: savedViewDefinitionSchema.optional(),
  })
  .strict();

export const savedViewSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  name: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  sharedOrgUnitId: z.uuid().nullable(),
  definition: savedViewDefinitionSchema,
  isDefault: z.boolean(),
  editable: z.boolean(),
  version: z.number().int(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
