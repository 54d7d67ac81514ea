// How the approval views write a discount and an amount: 12.5 (no trailing zeros) and 12,345.67. Pure.

/** "12.50" → "12.5", "20.00" → "20"; null → "—". */
export function formatPercent(value: string | null): string {
  if (value === null) return '—';
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** "12345.6" → "12,345.60" (the amount is a decimal string; no float arithmetic). */
export function formatAmount(value: string | null): string {
  if (value === null) return '—';
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace(/^-/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${(frac + '00').slice(0, 2)}`;
}
