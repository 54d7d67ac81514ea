// Pinyin for generated e-mail addresses and web domains (zhanglp@…, hexinmy.com.cn), remembered per text: the
// generator's words come from short fixed lists, and pinyin-pro is the slowest step of generating a row.
import { pinyin } from 'pinyin-pro';

const memo = new Map<string, string[]>();

/** The syllables of `text` without tones, ü written v; `surname` reads it as a surname (单 shan, 曾 zeng). */
export function syllables(text: string, surname = false): string[] {
  const key = surname ? `\u0001${text}` : text;
  let found = memo.get(key);
  if (!found) {
    found = pinyin(text, { toneType: 'none', type: 'array', ...(surname ? { surname: 'all' as const } : {}) }).map((s) =>
      s.replace(/ü/g, 'v'),
    );
    memo.set(key, found);
  }
  return found;
}

export const fullPinyin = (text: string, surname = false): string => syllables(text, surname).join('');
export const initials = (text: string): string =>
  syllables(text)
    .map((s) => s[0])
    .join('');
