// Numbers customers are found by: mobiles with real operator prefixes, landlines with their city's area code,
// licence plates (blue five-character and green new-energy six-character ones), insurance policy numbers and
// unified social credit codes with valid check characters. Plates, policy and credit codes must be unique per type,
// so they are derived from the row number through a bijection rather than drawn at random.
import type { Place } from './demo.generator.places.ts';
import { permute, type Rng } from './demo.generator.random.ts';

/** Mobile prefixes in use by China Mobile, Unicom, Telecom and Broadcast (no data-only or virtual-operator ranges). */
const MOBILE_PREFIXES = (
  '134 135 136 137 138 139 147 150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198 ' +
  '130 131 132 145 155 156 166 175 176 185 186 196 133 149 153 173 177 180 181 189 190 191 193 199 192'
).split(' ');

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.chars('0123456789', 8);
}

/** 0571-8765 4321: eight-digit numbers behind three-digit codes and most four-digit ones, seven-digit in smaller cities. */
export function landline(rng: Rng, place: Place): string | undefined {
  if (!place.areaCode) return undefined;
  const eight = place.areaCode.length === 3 || rng.chance(0.8);
  const number = String(rng.int(2, 8)) + rng.chars('0123456789', eight ? 7 : 6);
  return `${place.areaCode}-${eight ? `${number.slice(0, 4)} ${number.slice(4)}` : number}`;
}

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O, which read as 1 and 0

/** How many distinct tails each plate shape has: all digits, or one letter in one of the places. */
const tailSpace = (length: number) => 10 ** length + length * PLATE_CHARS.length * 10 ** (length - 1);

/** A tail of `length` characters numbered n: all digits for small n, then one letter at each place in turn. */
function plateTail(n: number, length: number): string {
  if (n < 10 ** length) return String(n).padStart(length, '0');
  let rest = n - 10 ** length;
  const digits = String(rest % 10 ** (length - 1)).padStart(length - 1, '0');
  rest = Math.floor(rest / 10 ** (length - 1));
  const letter = PLATE_CHARS[rest % PLATE_CHARS.length]!;
  const at = Math.floor(rest / PLATE_CHARS.length);
  return digits.slice(0, at) + letter + digits.slice(at);
}

/** Plates are unique for up to this many rows (the blue shape's tail space; the green one is larger). */
export const UNIQUE_PLATES = tailSpace(5);

/**
 * 浙A·3K512 (blue) or 浙A·D12345 (green, new-energy: D or F first). Unique per row for rows below UNIQUE_PLATES,
 * whatever the place, because the tail alone is.
 */
export function licencePlate(rng: Rng, place: Place, row: number): string {
  const prefix = `${place.plate}${place.plateLetter}·`;
  if (rng.chance(0.25)) {
    const n = permute(row % (2 * tailSpace(5)), 2 * tailSpace(5), 0x9e3b);
    return prefix + (n % 2 ? 'F' : 'D') + plateTail(Math.floor(n / 2), 5);
  }
  return prefix + plateTail(permute(row % tailSpace(5), tailSpace(5), 0x51a7), 5);
}

export const PLATE_PATTERN = /^[\u4e00-\u9fff][A-Z]·([A-Z0-9]{5}|[DF][A-Z0-9]{5})$/;

/** PDAA202544010012345678: P, product (DAA motor commercial, DZA compulsory motor, …), year, division, serial. */
export function policyNumber(rng: Rng, place: Place, row: number, year: number): string {
  const product = rng.weighted([
    ['DAA', 5],
    ['DZA', 4],
    ['EAB', 1],
  ] as const);
  return `P${product}${year}${place.divisionCode}${String(permute(row % 1e8, 1e8, 0x7c15)).padStart(8, '0')}`;
}

// Unified social credit code (GB 32100-2015): 18 characters from 31 (no I, O, S, V, Z), the last a check character.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function usccCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** The organisation code's own check character (GB 11714): 0–9 or X. */
export function orgCodeCheck(body8: string): string {
  // Here letters count from A = 10 to Z = 35, the ones the credit code leaves out included.
  const value = (ch: string) => (ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55);
  const sum = [...body8].reduce((s, ch, i) => s + value(ch) * ORG_CODE_WEIGHTS[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Registration authority and kind: 91 a company, 92 a sole trader, 11 a government body, 12 a public institution. */
export type UsccKind = '91' | '92' | '11' | '12';

export function creditCode(kind: UsccKind, place: Place, row: number): string {
  // Modern codes issued to companies start their organisation code with MA; the rest are digits.
  let n = permute(row % 31 ** 6, 31 ** 6, 0x3e11);
  let body = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 31)) body = USCC_CHARS[n % 31] + body;
  body = (kind === '91' ? 'MA' : String(row % 100).padStart(2, '0')) + body;
  const first17 = kind + place.divisionCode + body + orgCodeCheck(body);
  return first17 + usccCheck(first17);
}

export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{9}[0-9A-HJ-NP-RTUW-Y]$/;
