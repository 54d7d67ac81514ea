// Metadata of the record types an actor may use: fields (custom ones included) with labels in the caller's
// language, relations and the actor's scopes. The web app renders list, detail and form views from it.
import { ACTIONS, type EntityMeta, type Locale } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { hasAnyScope } from '../access/recordAccess.ts';
import { scopeFor } from '../access/scopes.ts';
import type { EntityDescriptor } from './descriptor.ts';
import type { EntityRegistry } from './registry.ts';
import { localized } from './fields.ts';
import { loadFields } from './entity.read.ts';

export async function entityMeta(db: DbOrTx, actor: Actor, descriptor: EntityDescriptor, locale: Locale): Promise<EntityMeta> {
  const fields = await loadFields(db, descriptor);
  return {
    name: descriptor.name,
    plural: descriptor.plural,
    label: localized(descriptor.label, locale),
    subsystem: descriptor.subsystem,
    titleField: descriptor.titleField,
    defaultSort: descriptor.defaultSort,
    fields: [...fields.values()].map((f) => ({
      name: f.name,
      type: f.type,
      label: localized(f.label, locale),
      required: f.required,
      readOnly: f.readOnly || (f.system && f.name !== 'ownerId' && f.name !== 'orgUnitId'),
      custom: f.custom,
      ...(f.maxLength ? { maxLength: f.maxLength } : {}),
      ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: localized(o.label, locale) })) } : {}),
      ...(f.reference ? { reference: f.reference } : {}),
      ...(f.referenceParent ? { referenceParent: f.referenceParent } : {}),
      filterable: f.filterable,
      sortable: f.sortable,
      searchable: f.searchable,
      ...(f.section ? { section: f.section } : {}),
      ...(f.when ? { when: { field: f.when.field, values: [...f.when.values] } } : {}),
    })),
    sections: Object.entries(descriptor.sections ?? {}).map(([key, label]) => ({ key, label: localized(label, locale) })),
    relations: Object.entries(descriptor.relations ?? {}).map(([name, r]) => ({
      name,
      entity: r.entity,
      field: r.field,
      label: localized(r.label, locale),
    })),
    permissions: Object.fromEntries(ACTIONS.map((a) => [a, scopeFor(actor.permissions, descriptor.name, a)])),
  };
}

export async function allEntityMeta(db: DbOrTx, actor: Actor, registry: EntityRegistry, locale: Locale): Promise<EntityMeta[]> {
  const visible = registry.all().filter((d) => hasAnyScope(actor, d.name, 'read'));
  return Promise.all(visible.map((d) => entityMeta(db, actor, d, locale)));
}
