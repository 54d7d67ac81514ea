// The customers module's own API beyond the kit's record routes: identifiers and their types, likely duplicates and
// merges. Customers and contacts themselves are kit records described by /api/v1/meta.
import { z } from 'zod';
import { localizedTextSchema } from './entities.ts';

/** An identifier type as GET /api/v1/identifier-types lists it, its label in the caller's language. */
export const identifierTypeSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Two customers may not hold the same normalised value of this type. */
  unique: z.boolean(),
  /** Shown masked to those who may not edit the customer (national IDs). */
  sensitive: z.boolean(),
});
export type IdentifierType = z.infer<typeof identifierTypeSchema>;

export const identifierTypeCreateSchema = z
  .object({ key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,39}$/), label: localizedTextSchema, unique: z.boolean().default(false) })
  .strict();
export type IdentifierTypeCreate = z.input<typeof identifierTypeCreateSchema>;

export const identifierTypeChangesSchema = z
  .object({ label: localizedTextSchema.optional(), unique: z.boolean().optional(), active: z.boolean().optional() })
  .strict();
export type IdentifierTypeChanges = z.infer<typeof identifierTypeChangesSchema>;

/** A phone, plate, policy number … of a customer, or of one of its contacts when `contactId` is set. */
export const identifierSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  contactId: z.uuid().nullable(),
  type: z.string(),
  /** As typed; masked (`110***********1234`) when `masked`. */
  value: z.string(),
  /** As matched: phones as digits without +86, plates upper case without spaces, e-mails lower case. */
  normalized: z.string(),
  masked: z.boolean(),
});
export type Identifier = z.infer<typeof identifierSchema>;

export const identifierCreateSchema = z
  .object({ type: z.string().min(1).max(40), value: z.string().trim().min(1).max(100), contactId: z.uuid().optional() })
  .strict();
export type IdentifierCreate = z.infer<typeof identifierCreateSchema>;

export const duplicatesQuerySchema = z.object({
  name: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  email: z.string().max(200).optional(),
  /** The customer being edited, which is no duplicate of itself. */
  excludeId: z.uuid().optional(),
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuerySchema>;

/** A likely duplicate the caller may see: the same identifier, or the same name without legal suffixes. */
export const customerDuplicateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  reason: z.enum(['identifier', 'name']),
  /** With reason `identifier`: the type of the identifier both hold. */
  identifierType: z.string().optional(),
});
export type CustomerDuplicate = z.infer<typeof customerDuplicateSchema>;

export const customerMergeSchema = z
  .object({
    /** The customer merged away (to the recycle bin); the one in the path survives. */
    sourceId: z.uuid(),
    /** The surviving customer's version the user saw. */
    version: z.number().int().positive(),
    sourceVersion: z.number().int().positive(),
    /** Per field (`name`, `custom.region`, `ownerId`): whose value survives; unnamed fields keep the target's. */
    values: z.record(z.string().max(100), z.enum(['target', 'source'])).optional(),
  })
  .strict();
export type CustomerMerge = z.infer<typeof customerMergeSchema>;
