// Which record types an activity may name as its related record, as choices of the type picker.
import type { EntityMeta } from '@guanxi/contracts';

/** Every record type the user may read, by its label; an activity's own type too (a follow-up of a visit). */
export const relatedTypeOptions = (entities: EntityMeta[]): { value: string; label: string }[] =>
  entities.filter((e) => (e.permissions.read ?? 'none') !== 'none').map((e) => ({ value: e.name, label: e.label }));
