// Tables of the access model: org-unit tree, users, roles with scopes, and record shares.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../db/columns.ts';
import type { RolePermissions } from '@guanxi/contracts';

export const orgUnits = pgTable(
  'org_units',
  {
    id: idColumn(),
    name: text('name').notNull(),
    code: text('code'),
    parentId: uuid('parent_id'),
    /** Ids from the root down to this unit, e.g. `/a/b/c/`; a subtree is `path LIKE '/a/b/%'`. */
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('org_units_code_key').on(t.code),
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').on(t.path.op('text_pattern_ops')),
  ],
);

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    mobile: text('mobile'),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('zh-CN'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_org_unit_idx').on(t.orgUnitId)],
);

export const roles = pgTable(
  'roles',
  {
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Administrators manage users, org units, roles and custom fields. */
    isAdmin: boolean('is_admin').notNull().default(false),
    permissions: jsonb('permissions').$type<RolePermissions>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('roles_key_key').on(t.key)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role_idx').on(t.roleId)],
);

/** Explicit access to one record for one user: account-team membership or a manual share. */
export const recordShares = pgTable(
  'record_shares',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    access: text('access').$type<'read' | 'edit'>().notNull().default('read'),
    reason: text('reason').$type<'share' | 'team'>().notNull().default('share'),
    teamRole: text('team_role'),
    grantedBy: uuid('granted_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('record_shares_unique').on(t.recordType, t.recordId, t.userId),
    index('record_shares_user_idx').on(t.userId, t.recordType),
  ],
);
