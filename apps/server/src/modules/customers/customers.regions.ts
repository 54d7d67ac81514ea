// Checks a customer's province / city / district against the bundled list of China's administrative divisions.
import type { ErrorDetail } from '@guanxi/contracts';
import { REGIONS, type Region } from './customers.regions.data.ts';

const byName = (list: readonly Region[] | undefined, name: string) => list?.find((r) => r.name === name);

export interface RegionValue {
  province?: unknown;
  city?: unknown;
  district?: unknown;
}

/**
 * The problems of a region choice, one per bad field: a city needs a known province and must lie in it; a district
 * needs a city, and must be one of its districts when the list has them (elsewhere districts are free text).
 */
export function regionProblems(value: RegionValue): ErrorDetail[] {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const [province, city, district] = [text(value.province), text(value.city), text(value.district)];
  const problem = (field: string, code: string): ErrorDetail[] => [{ field, code, message: code }];
  const p = province ? byName(REGIONS, province) : undefined;
  if (province && !p) return problem('province', 'invalid_option');
  if (city && !p) return problem('province', 'required');
  const c = city ? byName(p?.children, city) : undefined;
  if (city && !c) return problem('city', 'invalid_option');
  if (district && !c) return problem('city', 'required');
  if (district && c?.children && !byName(c.children, district)) return problem('district', 'invalid_option');
  return [];
}
