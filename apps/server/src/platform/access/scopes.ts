// Scope arithmetic of the access model: merging roles (widest wins) and finding the scope an actor has.
import { SCOPES, type Action, type RolePermissions, type Scope } from '@guanxi/contracts';

export const scopeRank = (scope: Scope): number => SCOPES.indexOf(scope);
export const widerScope = (a: Scope, b: Scope): Scope => (scopeRank(a) >= scopeRank(b) ? a : b);

/** Union of several roles' permissions: for every record type and action the widest scope any role grants. */
export function mergePermissions(all: RolePermissions[]): RolePermissions {
  const merged: RolePermissions = {};
  for (const permissions of all) {
    for (const [recordType, actions] of Object.entries(permissions)) {
      const target = (merged[recordType] ??= {});
      for (const [action, scope] of Object.entries(actions ?? {}) as [Action, Scope][]) {
        target[action] = widerScope(target[action] ?? 'none', scope);
      }
    }
  }
  return merged;
}

/** The scope granted for `action` on `recordType`; an entry for `*` covers types not named. */
export function scopeFor(permissions: RolePermissions, recordType: string, action: Action): Scope {
  const specific = permissions[recordType]?.[action];
  const wildcard = permissions['*']?.[action];
  if (specific && wildcard) return widerScope(specific, wildcard);
  return specific ?? wildcard ?? 'none';
}
