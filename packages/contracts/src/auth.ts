// Sign-in, the signed-in user, users and API tokens.
import { z } from 'zod';
import { rolePermissionsSchema } from './access.ts';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export const loginRequestSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1000),
  })
  .strict();

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    locale: localeSchema,
    roles: z.array(z.object({ key: z.string(), name: z.string() })),
    isAdmin: z.boolean(),
    permissions: rolePermissionsSchema,
  }),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** What any signed-in user may see of another user (owner pickers, mentions). */
export const userSummarySchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgUnitId: z.uuid(),
  active: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** What administrators see of a user. */
export const userSchema = userSummarySchema.extend({
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  locale: localeSchema,
  roleIds: z.array(z.uuid()),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[A-Za-z0-9._@-]+$/);

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(100),
    email: z.email().max(200).optional(),
    mobile: z.string().trim().max(30).optional(),
    orgUnitId: z.uuid(),
    roleIds: z.array(z.uuid()).max(20).default([]),
    password: z.string().max(200),
    locale: localeSchema.optional(),
  })
  .strict();

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    email: z.email().max(200).nullable().optional(),
    mobile: z.string().trim().max(30).nullable().optional(),
    orgUnitId: z.uuid().optional(),
    roleIds: z.array(z.uuid()).max(20).optional(),
    active: z.boolean().optional(),
    locale: localeSchema.optional(),
  })
  .strict();

export const userListQuerySchema = z
  .object({
    /** Part of the username or display name. */
    q: z.string().trim().max(100).optional(),
    orgUnitId: z.uuid().optional(),
    active: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const userListSchema = z.object({
  // Administrators get full users; everyone else gets summaries.
  items: z.array(z.union([userSchema, userSummarySchema])),
  nextCursor: z.string().nullable(),
});

export const userIdParamsSchema = z.object({ id: z.uuid() }).strict();
export const userTokenParamsSchema = z.object({ id: z.uuid(), tokenId: z.uuid() }).strict();
export const tokenIdParamsSchema = z.object({ id: z.uuid() }).strict();

export const updateLocaleSchema = z.object({ locale: localeSchema }).strict();

export const setPasswordSchema = z.object({ password: z.string().max(200) }).strict();
export const changeOwnPasswordSchema = z
  .object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) })
  .strict();

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** The answer to creating a token: the only time its secret is shown. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
