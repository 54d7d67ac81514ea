// A notification's time as people say it, in the interface language: 刚刚, 5 分钟前, 昨天, or the date.
import { currentLocale } from '../i18n/i18n.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

export function timeAgo(iso: string, justNow: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const locale = currentLocale();
  if (Math.abs(seconds) < 60) return justNow;
  if (Math.abs(seconds) >= 7 * 24 * 60 * 60) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const [unit, size] = [...UNITS].reverse().find(([, s]) => Math.abs(seconds) >= s)!;
  return format.format(Math.round(seconds / size), unit);
}
