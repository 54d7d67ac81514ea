// Server refusals on the sales admin forms, whose rows are form lists: a detail naming `stages.2.name` goes beside
// that row's field (form lists name rows by number, so the platform's string paths would miss them); a detail naming
// the whole list, or no field, is returned for the page to show above the list.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { fieldPath } from './ordering.ts';

/** Places each detail beside its field; returns the messages no field took (shown by the caller), or one message. */
export function placeFormError(form: FormInstance, message: MessageInstance, t: TFunction, error: unknown): string[] {
  const known = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const details = error instanceof ApiError ? error.details : [];
  const placed = details.filter((detail) => detail.field && known.has(detail.field));
  form.setFields(placed.map((detail) => ({ name: fieldPath(detail.field!), errors: [detail.message] })));
  const rest = details.filter((detail) => !placed.includes(detail)).map((detail) => detail.message);
  if (!details.length) void message.error(errorMessage(t, error));
  return rest;
}
