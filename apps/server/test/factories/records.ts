// Generic record factory for any registered record type: valid sample values derived from the descriptor,
// so tests such as the access matrix cover new record types without new code.
import type { Actor } from '../../src/platform/http/context.ts';
import type { Db } from '../../src/platform/db/db.ts';
import type { EntityDescriptor } from '../../src/platform/entities/descriptor.ts';
import type { EntityRegistry } from '../../src/platform/entities/registry.ts';
import type { FieldSpec } from '../../src/platform/entities/descriptor.ts';
import { createRecord } from '../../src/platform/entities/entity.write.ts';
import type { ApiRecord } from '../../src/platform/entities/entity.read.ts';

function sampleValue(spec: FieldSpec, label: string): unknown {
  switch (spec.type) {
    case 'text':
      return label.slice(0, spec.maxLength ?? 200);
    case 'longText':
      return `${label} 备注`;
    case 'integer':
      return Math.max(spec.min ?? 1, 1);
    case 'decimal':
      return '100.00';
    case 'date':
      return '2026-06-30';
    case 'datetime':
      return '2026-06-30T08:00:00+08:00';
    case 'boolean':
      return false;
    case 'select':
      return spec.options?.[0]?.value;
    case 'multiSelect':
      return spec.options?.slice(0, 1).map((o) => o.value);
    case 'email':
      return 'sample@example.com';
    case 'phone':
      return '13800138000';
    case 'reference':
      return undefined;
  }
}

/** Valid values of the fields a record needs (required) or is found by (searchable), references left out. */
export function sampleValues(descriptor: EntityDescriptor, label: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(descriptor.fields)) {
    if (spec.readOnly || spec.type === 'reference') continue;
    const value = spec.required || spec.searchable ? sampleValue(spec, label) : undefined;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** True when a record of `descriptor` can be created without first creating another record. */
export const standsAlone = (descriptor: EntityDescriptor): boolean =>
  !Object.values(descriptor.fields).some((spec) => spec.type === 'reference' && spec.required);

/**
 * Creates a record of `descriptor` as `actor` through the kit's service (access and audit apply). Required
 * references get a parent record of their type, made by `actor` too, owned as `owner` says.
 */
export async function buildRecord(
  db: Db,
  registry: EntityRegistry,
  actor: Actor,
  descriptor: EntityDescriptor,
  options: { label: string; ownerId?: string; orgUnitId?: string; values?: Record<string, unknown> },
): Promise<ApiRecord> {
  const values = sampleValues(descriptor, options.label);
  for (const [name, spec] of Object.entries(descriptor.fields)) {
    if (spec.readOnly || spec.type !== 'reference' || !spec.required || !spec.reference || !registry.get(spec.reference))
      continue;
    const parent = await buildRecord(db, registry, actor, registry.get(spec.reference)!, {
      label: `${options.label}-上级`,
      ownerId: options.ownerId,
      orgUnitId: options.orgUnitId,
    });
    values[name] = parent.id;
  }
  return db.transaction((tx) =>
    createRecord(
      { db: tx, actor, registry, descriptor },
      {
        ...values,
        ...options.values,
        ...(options.ownerId ? { ownerId: options.ownerId } : {}),
        ...(options.orgUnitId ? { orgUnitId: options.orgUnitId } : {}),
      },
    ),
  );
}
