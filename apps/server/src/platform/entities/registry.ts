// The set of record types the running app knows, looked up by name or URL segment.
import type { EntityDescriptor } from './descriptor.ts';

export interface EntityRegistry {
  all(): EntityDescriptor[];
  get(name: string): EntityDescriptor | undefined;
  names(): string[];
}

export function entityRegistry(descriptors: EntityDescriptor[]): EntityRegistry {
  const byName = new Map<string, EntityDescriptor>();
  for (const d of descriptors) {
    if (byName.has(d.name)) throw new Error(`Record type ${d.name} is registered twice`);
    byName.set(d.name, d);
  }
  return {
    all: () => [...byName.values()],
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
  };
}
