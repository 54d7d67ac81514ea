// A refused order write where the user looks: each detail beside the form field it names (`lines.2.quantity` → that
// row's quantity), the rest returned as messages for the page to show above the form.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { lineFieldPath } from './OrderLinesEditor.tsx';

export function placeErrors(form: FormInstance, t: TFunction, error: unknown): string[] {
  const details = error instanceof ApiError ? error.details : [];
  if (!details.length) return [errorMessage(t, error)];
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const rest: string[] = [];
  const fields = details.flatMap((d) => {
    const path = lineFieldPath(d.field ?? '');
    if (d.field && known.has(path.join('.'))) return [{ name: path, errors: [d.message] }];
    rest.push(d.message);
    return [];
  });
  form.setFields(fields);
  return rest;
}
