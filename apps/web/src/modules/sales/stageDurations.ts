// Time spent in a stage as people say it: days and hours, hours and minutes, or minutes.
import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function durationText(t: TFunction, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  const d = Math.floor(minutes / (DAY / MINUTE));
  const h = Math.floor((minutes % (DAY / MINUTE)) / 60);
  const m = minutes % 60;
  if (d > 0) return t('sales.stages.days', { d, h });
  if (h > 0) return t('sales.stages.hours', { h, m });
  return t('sales.stages.minutes', { m });
}
