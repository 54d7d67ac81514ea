// Scope arithmetic of the access model: merging roles (widest wins) and finding the scope an actor has; in one role a
// type's own entry decides over `*`.
import { ACTIONS, SCOPES, type Action, type RolePermissions, type Scope } from '@guanxi/contracts';

export const scopeRank = (scope: Scope): number => SCOPES.indexOf(scope);
export const widerScope = (a: Scope, b: Scope): Scope => (scopeRank(a) >= scopeRank(b) ? a : b);

/**
 * Union of several roles' permissions: for every record type and action the widest scope any role grants. Within one
 * role a type's own entry decides over its `*` entry (a role may give every type but one); so that stays true after
 * the union, each role's scope for a type any role names is taken as that role would answer it (scopeFor).
 */
export function mergePermissions(all: RolePermissions[]): RolePermissions {
  const named = new Set(all.flatMap((permissions) => Object.keys(permissions)));
  const merged: RolePermissions = {};
  for (const recordType of named) {
    const target: Partial<Record<Action, Scope>> = {};
    for (const permissions of all)
      for (const action of ACTIONS) {
        const scope = recordType === '*' ? permissions['*']?.[action] : ownScope(permissions, recordType, action);
        if (scope) target[action] = widerScope(target[action] ?? 'none', scope);
      }
    merged[recordType] = target;
  }
  return merged;
}

/** One role's scope: the type's own entry for the action, else the role's `*` entry. */
const ownScope = (permissions: RolePermissions, recordType: string, action: Action): Scope | undefined =>
  permissions[recordType]?.[action] ?? permissions['*']?.[action];

/** The scope granted for `action` on `recordType`: the type's own entry, else the `*` entry (types not named). */
export function scopeFor(permissions: RolePermissions, recordType: string, action: Action): Scope {
  return ownScope(permissions, recordType, action) ?? 'none';
}
