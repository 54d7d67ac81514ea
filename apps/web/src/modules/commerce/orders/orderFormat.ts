// How the order pages word figures: money with thousands separators ("12,345.60"), quantities without trailing zeros.
export function money(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value.startsWith('-') ? '-' : ''}${grouped}.${(fraction + '00').slice(0, 2)}`;
}

/** "12.5000" → "12.5". */
export const quantity = (value: string): string => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

/** A decimal as typed: digits, at most `places` decimals. */
export const decimalPattern = (places: number): RegExp => new RegExp(`^\\s*\\d{1,16}(\\.\\d{1,${places}})?\\s*$`);

/** Compares two plain decimals exactly (no floats): -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.trim().split('.');
  const [bi = '0', bf = ''] = b.trim().split('.');
  const width = Math.max(af.length, bf.length);
  const norm = (i: string, f: string) => BigInt(i + f.padEnd(width, '0'));
  const x = norm(ai, af);
  const y = norm(bi, bf);
  return x === y ? 0 : x < y ? -1 : 1;
}
