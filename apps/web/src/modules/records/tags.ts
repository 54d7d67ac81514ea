// Pure helpers of free tags on the screen: the choices a tags input offers (suggested options, tags already used
// with their counts, the current ones) and the tags a user typed, cleaned as the server will store them.
import type { FieldMeta } from '@guanxi/contracts';

export interface UsedValue {
  value: string;
  count: number;
}

/** What separates tags typed or pasted in one go (the import reads the same ones, plus the ASCII comma). */
export const TAG_SEPARATORS = [',', '，', '、', ';', '；'];

/** The label of a stored tag: an option's label for a suggested one (vip → 贵宾), else the tag itself. */
export const tagLabel = (field: FieldMeta, tag: string): string => field.options?.find((o) => o.value === tag)?.label ?? tag;

/** Trimmed, non-empty, each once, at most 30 characters each — as the server stores them. */
export function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))].map((t) => t.slice(0, 30));
}

export interface TagOption {
  value: string;
  label: string;
  count?: number;
}

/**
 * Choices of a tags input: the current tags, then the used ones most used first, then the field's suggested
 * options — each once; used ones say how many records hold them.
 */
export function tagOptions(field: FieldMeta, used: UsedValue[], current: string[]): TagOption[] {
  const options = new Map<string, TagOption>();
  const add = (value: string, count?: number) => {
    if (options.has(value)) return;
    const label = tagLabel(field, value);
    options.set(value, count ? { value, label, count } : { value, label });
  };
  for (const tag of current) add(tag);
  for (const { value, count } of used) add(value, count);
  for (const option of field.options ?? []) add(option.value);
  return [...options.values()];
}
