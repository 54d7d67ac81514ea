// Access model shared by server and web: actions, scopes and the permission map a role grants.
import { z } from 'zod';

export const ACTIONS = ['read', 'create', 'update', 'delete', 'assign', 'export'] as const;
export type Action = (typeof ACTIONS)[number];
export const actionSchema = z.enum(ACTIONS);

/** Ordered from narrowest to widest; "widest wins" compares positions in this list. */
export const SCOPES = ['none', 'own', 'unit', 'unit-and-below', 'all'] as const;
export type Scope = (typeof SCOPES)[number];
export const scopeSchema = z.enum(SCOPES);

/** recordType → action → scope. The record type `*` applies to every type not named. */
export const rolePermissionsSchema = z.record(z.string().min(1).max(64), z.partialRecord(actionSchema, scopeSchema));
export type RolePermissions = z.infer<typeof rolePermissionsSchema>;

export const orgUnitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.uuid().nullable(),
  path: z.string(),
  depth: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const createOrgUnitSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    code: z.string().trim().min(1).max(50).optional(),
    parentId: z.uuid().nullable(),
  })
  .strict();

export const updateOrgUnitSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    code: z.string().trim().min(1).max(50).nullable().optional(),
    parentId: z.uuid().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const roleSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isAdmin: z.boolean(),
  permissions: rolePermissionsSchema,
  version: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

export const createRoleSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_-]{1,48}$/),
    name: z.string().trim().min(1).max(100),
    description: z.string().max(500).optional(),
    isAdmin: z.boolean().optional(),
    permissions: rolePermissionsSchema,
  })
  .strict();

export const updateRoleSchema = createRoleSchema.omit({ key: true }).partial().strict();

export const shareSchema = z
  .object({
    userId: z.uuid(),
    access: z.enum(['read', 'edit']).default('read'),
    reason: z.enum(['share', 'team']).default('share'),
    teamRole: z.string().max(50).optional(),
  })
  .strict();
