// Turns zod issues into the API's error details: one entry per bad field, with a code and a localised message.
import type { ErrorDetail, Locale } from '@guanxi/contracts';
import type { z } from 'zod';
import { translate } from '../i18n/i18n.ts';
import { AppError } from './errors.ts';

export function issuesToDetails(issues: z.core.$ZodIssue[], locale: Locale, prefix: string[] = []): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({ field: [...path, key].join('.'), code: 'unknown_field', message: translate(locale, 'unknown_field') });
      }
      continue;
    }
    let code: string = issue.code;
    const params: Record<string, string | number> = {};
    if (issue.code === 'invalid_type' && issue.input === undefined) code = 'required';
    if (issue.code === 'invalid_value') code = 'invalid_option';
    if (issue.code === 'too_big') {
      code = issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big';
      params.max = Number(issue.maximum);
    }
    if (issue.code === 'too_small') {
      const missing = issue.origin === 'string' && Number(issue.minimum) === 1;
      code = missing ? 'required' : issue.origin === 'string' || issue.origin === 'array' ? 'too_short' : 'too_small';
      params.min = Number(issue.minimum);
    }
    details.push({ field: path.join('.') || undefined, code, message: translate(locale, code, params) });
  }
  return details;
}

/** Parses `input` with `schema`, or throws 400 VALIDATION_FAILED naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', 400, issuesToDetails(result.error.issues, locale));
}
