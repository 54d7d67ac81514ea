// Things roles grant scopes on that are not kit record types: a module's own records served by its own routes
// (sales targets). Registered here, they appear in the role matrix beside the record types and roles may name them;
// the module checks them with scopeFor(actor.permissions, name, action) like any record type.
import type { LocalizedText } from '@guanxi/contracts';

const subjects = new Map<string, LocalizedText>();

export function registerPermissionSubject(name: string, label: LocalizedText): void {
  if (subjects.has(name)) throw new Error(`Permission subject ${name} is registered twice`);
  subjects.set(name, label);
}

export const permissionSubjects = (): [string, LocalizedText][] => [...subjects];
