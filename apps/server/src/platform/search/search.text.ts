// Text normalisation for Chinese search: the forms a name is stored under (text, full pinyin, initials, and the
// other common readings of polyphonic characters), the two-character tokens that make short queries indexable,
// the forms a query is tried in, and the pinyin key Chinese names sort by. So 「北京东区」, `beijingdongqu`,
// `bjdq` and `bj东区` all find 北京东区, and 重庆 is found as `chongqing` as well as `zhongqing`.
import { pinyin, polyphonic } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SPACES = /[\s\u3000·•()（）【】[\]-]+/g;
/** Separates the parts of a haystack; no query contains it, so a match never spans two parts. */
export const PART_SEPARATOR = '\u0001';
/**
 * At most this many other readings per text. Each replaces one polyphonic character's reading (in text order),
 * never several at once: 「重庆长安银行」 has 2 × 2 × 3 combinations, and long names would have thousands.
 */
export const MAX_PINYIN_ALTERNATES = 4;
/** Readings of a polyphonic character that count as common: pinyin-pro lists the most frequent first. */
const COMMON_READINGS = 2;

export const normalize = (text: string): string => text.toLowerCase().replace(SPACES, '');

const PINYIN = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;
const fullPinyin = (text: string): string => pinyin(text, PINYIN).join('');
const initials = (text: string): string => pinyin(text, { ...PINYIN, pattern: 'first' }).join('');

/**
 * Full pinyin and initials of a text with Chinese: first as pinyin-pro reads it in context, then with one
 * polyphonic character at a time read its other common way (重庆 chongqing → zhongqing, 长沙 changsha → zhangsha,
 * 单 dan → shan, 曾 ceng → zeng), up to MAX_PINYIN_ALTERNATES. Distinct forms only.
 */
export function pinyinForms(text: string): { full: string[]; initials: string[] } {
  const known = recentForms.get(text);
  if (known) {
    // Most recently used last, so the oldest is the one dropped.
    recentForms.delete(text);
    recentForms.set(text, known);
    return { full: [...known.full], initials: [...known.initials] };
  }
  const forms = computePinyinForms(text);
  recentForms.set(text, forms);
  if (recentForms.size > RECENT_FORMS) recentForms.delete(recentForms.keys().next().value!);
  return { full: [...forms.full], initials: [...forms.initials] };
}

/**
 * The forms of the texts indexed most recently. The same texts come back all the time — a catalogue's product names on
 * every order line, a customer's name on its contacts and activities — and reading pinyin in context is the costliest
 * step of a search entry; a few thousand entries hold a catalogue (a few MB at most).
 */
const RECENT_FORMS = 20_000;
const recentForms = new Map<string, { full: string[]; initials: string[] }>();

function computePinyinForms(text: string): { full: string[]; initials: string[] } {
  const syllables = pinyin(text, PINYIN);
  const firsts = pinyin(text, { ...PINYIN, pattern: 'first' });
  const readings = polyphonic(text, PINYIN);
  const full = new Set([syllables.join('')]);
  const inits = new Set([firsts.join('')]);
  // Both arrays hold one element per Chinese character and per run of other text, so positions line up.
  const aligned = readings.length === syllables.length;
  for (let i = 0; aligned && i < syllables.length && full.size <= MAX_PINYIN_ALTERNATES; i++) {
    for (const reading of readings[i]!.slice(0, COMMON_READINGS)) {
      if (reading === syllables[i] || full.size > MAX_PINYIN_ALTERNATES) continue;
      full.add([...syllables.slice(0, i), reading, ...syllables.slice(i + 1)].join(''));
      inits.add([...firsts.slice(0, i), reading[0], ...firsts.slice(i + 1)].join(''));
    }
  }
  return { full: [...full].map(normalize), initials: [...inits].map(normalize) };
}

/** The parts a record is found by: each text itself, plus its pinyin forms when it has Chinese. */
export function searchPartsOf(texts: string[]): string[] {
  const parts = new Set<string>();
  for (const text of texts) {
    const base = normalize(text);
    if (!base) continue;
    parts.add(base);
    if (CJK.test(base)) {
      const forms = pinyinForms(base);
      for (const form of [...forms.full, ...forms.initials]) if (form) parts.add(form);
    }
  }
  return [...parts];
}

/** The stored haystack of some texts: their search parts joined by PART_SEPARATOR. */
export const haystackOf = (texts: string[]): string => searchPartsOf(texts).join(PART_SEPARATOR);

/**
 * The tokens of an entry's parts, for the GIN index: every two-character piece, which answers two-character queries
 * (「东区」, `bj`) a trigram index cannot; and every LETTER_PIECE-letter piece of a run of Latin letters, which
 * answers long letter queries (full pinyin `tongchuangjiancai`, an e-mail name) without merging the trigram index's
 * long lists for pinyin's few common trigrams (ang, ian, ong). Migration 0019 computes the same letter pieces in SQL.
 */
export function tokensOf(parts: string[]): string[] {
  const tokens = new Set<string>();
  for (const part of parts) {
    const chars = [...part];
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
    for (const [run] of part.matchAll(LETTER_RUN))
      for (let i = 0; i + LETTER_PIECE <= run.length; i++) tokens.add(run.slice(i, i + LETTER_PIECE));
  }
  return [...tokens];
}

/** Length of the letter pieces among the tokens: a query with a run of at least this many letters is served by them. */
export const LETTER_PIECE = 6;
const LETTER_RUN = new RegExp(`[a-z]{${LETTER_PIECE},}`, 'g');

/**
 * Letter pieces every entry containing `form` holds: the first and last piece of each run of LETTER_PIECE or more
 * letters in it (each run of the form lies inside a run of the entry's). Empty when the form has no such run.
 */
export function letterPiecesOf(form: string): string[] {
  const pieces = new Set<string>();
  for (const [run] of form.matchAll(LETTER_RUN)) {
    pieces.add(run.slice(0, LETTER_PIECE));
    pieces.add(run.slice(-LETTER_PIECE));
  }
  return [...pieces];
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

const ALL_CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/**
 * The forms a query is tried in: as typed, a phone number as stored (see normalizePhone), and a query mixing letters
 * and Chinese (`bj东区`) with its Chinese as full pinyin and as initials. An all-Chinese query is a Chinese substring
 * only: its pinyin would add homophones (东区 → dongqu, dq: 大庆, 电气) and cost a scan of long trigram lists. The
 * query's Chinese is read in context only: the stored side holds the other readings.
 */
export function queryForms(query: string): string[] {
  const base = normalize(query);
  if (!base) return [];
  const forms = new Set([base]);
  const phone = PHONE_LIKE.test(query.trim()) ? normalizePhone(query) : '';
  if (phone) forms.add(phone);
  if (CJK.test(base) && !ALL_CJK.test(base)) {
    forms.add(normalize(fullPinyin(base)));
    forms.add(normalize(initials(base)));
  }
  return [...forms];
}

/** Length of a form in characters (a Chinese character is one), which decides the index that can answer it. */
export const charLength = (text: string): number => [...text].length;

/**
 * The key a Chinese text sorts by: its pinyin syllables with tone numbers (阿里 `a1 li3`, 北京 `bei3 jing1`,
 * 张三 `zhang1 san1`), other text lower-cased, then the text itself so equal readings group by character.
 * Compared byte by byte (the column is COLLATE "C"), it gives the same pinyin order on PGlite and PostgreSQL.
 */
export function pinyinSortKey(text: string): string {
  const trimmed = text.trim();
  const syllables = pinyin(trimmed, { toneType: 'num', type: 'array', nonZh: 'consecutive' });
  return `${syllables.map((s) => s.trim().toLowerCase()).join(' ')}${PART_SEPARATOR}${trimmed}`;
}
