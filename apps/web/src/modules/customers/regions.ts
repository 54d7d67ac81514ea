// The region list as cascader choices and back: a customer's province / city / district as one path, and a search
// that finds a place by any part of its name (「朝阳」 → 北京市 / 北京市 / 朝阳区 and 辽宁省 / 朝阳市).
import type { Region } from './customers.api.ts';

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

export const REGION_FIELDS = ['province', 'city', 'district'] as const;

export const toRegionOptions = (regions: Region[]): RegionOption[] =>
  regions.map((r) => ({
    value: r.name,
    label: r.name,
    ...(r.children ? { children: toRegionOptions(r.children) } : {}),
  }));

/** The cascader path of a customer's region values: the filled levels from the top, stopping at the first gap. */
export function regionPath(value: Record<string, unknown>): string[] {
  const path: string[] = [];
  for (const name of REGION_FIELDS) {
    const part = value[name];
    if (typeof part !== 'string' || part === '') break;
    path.push(part);
  }
  return path;
}

/** The three fields of a chosen path; levels not chosen are cleared. */
export const regionValues = (path: (string | number)[] | undefined | null): Record<string, string | null> =>
  Object.fromEntries(REGION_FIELDS.map((name, i) => [name, path?.[i] === undefined ? null : String(path[i])]));

/** Whether a cascader path matches what is typed: any level's name contains it. */
export const regionMatches = (input: string, path: { label?: unknown }[]): boolean => {
  const wanted = input.trim();
  return wanted !== '' && path.some((o) => String(o.label ?? '').includes(wanted));
};
