// Data of the admin pages through TanStack Query: the org tree, roles, the scope matrix, users, custom fields and
// API tokens. Request bodies are typed by the contracts' zod schemas, so a renamed field fails the build here.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApiToken,
  createCustomFieldSchema,
  createOrgUnitSchema,
  createRoleSchema,
  createUserSchema,
  CustomFieldDefinition,
  OrgUnit,
  Role,
  Scope,
  Action,
  updateCustomFieldSchema,
  updateOrgUnitSchema,
  updateRoleSchema,
  updateUserSchema,
  User,
} from '@guanxi/contracts';
import { api } from '../../platform/api.ts';

export type CreateOrgUnitBody = z.input<typeof createOrgUnitSchema>;
export type UpdateOrgUnitBody = z.input<typeof updateOrgUnitSchema>;
export type CreateRoleBody = z.input<typeof createRoleSchema>;
export type UpdateRoleBody = z.input<typeof updateRoleSchema>;
export type CreateUserBody = z.input<typeof createUserSchema>;
export type UpdateUserBody = z.input<typeof updateUserSchema>;
export type CreateCustomFieldBody = z.input<typeof createCustomFieldSchema>;
export type UpdateCustomFieldBody = z.input<typeof updateCustomFieldSchema>;

export interface Items<T> {
  items: T[];
}

export interface RoleMatrix {
  recordTypes: string[];
  /** Names of the grantable subjects that are not record types (e.g. sales targets), in the caller's language. */
  labels?: Record<string, string>;
  actions: Action[];
  scopes: Scope[];
}

export const adminKeys = {
  orgUnits: ['admin', 'orgUnits'] as const,
  roles: ['admin', 'roles'] as const,
  matrix: ['admin', 'roleMatrix'] as const,
  users: ['admin', 'users'] as const,
  customFields: (recordType: string) => ['admin', 'customFields', recordType] as const,
  ownTokens: ['ownTokens'] as const,
  userTokens: (userId: string) => ['admin', 'userTokens', userId] as const,
};

/** The whole tree, inactive units included (the admin pages show them greyed; pickers leave them out). */
export const useOrgUnits = () =>
  useQuery({
    queryKey: adminKeys.orgUnits,
    queryFn: () => api.get<Items<OrgUnit>>('/org-units?includeInactive=true').then((r) => r.items),
  });

export const useRoles = () =>
  useQuery({ queryKey: adminKeys.roles, queryFn: () => api.get<Items<Role>>('/roles').then((r) => r.items) });

export const useRoleMatrix = () =>
  useQuery({ queryKey: adminKeys.matrix, queryFn: () => api.get<RoleMatrix>('/roles/matrix'), staleTime: Infinity });

export const useCustomFields = (recordType: string | undefined) =>
  useQuery({
    queryKey: adminKeys.customFields(recordType ?? ''),
    enabled: !!recordType,
    queryFn: () =>
      api
        .get<Items<CustomFieldDefinition>>(`/custom-fields?recordType=${encodeURIComponent(recordType!)}&includeInactive=true`)
        .then((r) => r.items),
  });

export const useOwnTokens = () =>
  useQuery({ queryKey: adminKeys.ownTokens, queryFn: () => api.get<Items<ApiToken>>('/auth/tokens').then((r) => r.items) });

export type { User };
