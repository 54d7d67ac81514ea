// Puts a refused write where the user looks: each server detail beside its form field (400, 409 duplicate),
// anything else as one message at the top of the screen, in the server's localised words.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

/** The words for any failure: the server's localised message, or "no connection". */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return error.message;
  return t('admin.common.failed');
}

/**
 * Shows the error's details beside the form's fields (a detail's field may be a dotted path like `label.en`);
 * details without a matching field, and errors without details, go to the message bar.
 */
export function showFormError(form: FormInstance, message: MessageInstance, t: TFunction, error: unknown): void {
  const known = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const details = error instanceof ApiError ? error.details : [];
  const placed = details.filter((detail) => detail.field && known.has(detail.field));
  form.setFields(placed.map((detail) => ({ name: detail.field!.split('.'), errors: [detail.message] })));
  if (placed.length === 0 || placed.length < details.length) void message.error(errorMessage(t, error));
}

export const isStale = (error: unknown): boolean => error instanceof ApiError && error.status === 412;
