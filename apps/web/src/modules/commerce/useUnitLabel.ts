// The words of units (件, 本, 套 …) as the product record type's metadata names them in the interface language; quote
// and order lines store the unit's value.
import { useMeta } from '../../platform/meta.ts';

export function useUnitLabel(): (unit: string | null | undefined) => string {
  const options = useMeta()
    .data?.find((e) => e.name === 'product')
    ?.fields.find((f) => f.name === 'unit')?.options;
  const labels = new Map((options ?? []).map((o) => [o.value, o.label]));
  return (unit) => (unit ? (labels.get(unit) ?? unit) : '');
}
