// Text normalisation for Chinese search: the forms a name is stored under (text, full pinyin, initials) and the
// forms a query is tried in, so 「北京东区」, `beijingdongqu`, `bjdq` and `bj东区` all find 北京东区.
import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SPACES = /[\s\u3000·•()（）【】[\]-]+/g;

export const normalize = (text: string): string => text.toLowerCase().replace(SPACES, '');

const fullPinyin = (text: string): string => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
const initials = (text: string): string =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');

/** The stored haystack of one text: the text itself, plus its full pinyin and initials when it has Chinese. */
export function haystackOf(texts: string[]): string {
  const parts: string[] = [];
  for (const text of texts) {
    const base = normalize(text);
    if (!base) continue;
    parts.push(base);
    if (CJK.test(base)) parts.push(normalize(fullPinyin(base)), normalize(initials(base)));
  }
  // A separator that no query contains, so a match never spans two parts.
  return parts.join('\u0001');
}

const PHONE_LIKE = /^\+?[\d\s().-]{4,30}$/;

/**
 * A Chinese phone number as digits only: separators and the country code (+86, 0086) removed, and the trunk 0 put
 * back on a landline given in international form, so 010-6512 3456 and +86 10 6512 3456 are the same number.
 */
export function normalizePhone(text: string): string {
  const digits = text
    .trim()
    .replace(/^(\+|00)86/, '')
    .replace(/\D/g, '');
  const international = /^(\+|00)86/.test(text.trim());
  return international && !/^1\d{10}$/.test(digits) ? `0${digits}` : digits;
}

/**
 * The forms a query is tried in: as typed, with its Chinese turned into full pinyin and into initials, and a
 * phone number as stored (see normalizePhone).
 */
export function queryForms(query: string): string[] {
  const base = normalize(query);
  if (!base) return [];
  const forms = new Set([base]);
  const phone = PHONE_LIKE.test(query.trim()) ? normalizePhone(query) : '';
  if (phone) forms.add(phone);
  if (CJK.test(base)) {
    forms.add(normalize(fullPinyin(base)));
    forms.add(normalize(initials(base)));
  }
  return [...forms];
}
