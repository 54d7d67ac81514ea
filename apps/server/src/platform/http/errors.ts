// Errors are values with a code and an HTTP status; they are mapped to the response body once, in the error handler.
import type { ErrorDetail } from '@guanxi/contracts';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly details?: ErrorDetail[],
    /** Values interpolated into the localised message. */
    readonly params?: Record<string, string | number>,
    readonly headers?: Record<string, string>,
    /** Extra top-level members of the error body, e.g. `current` (the stored record) with a 412. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND', 404);
export const forbidden = (code = 'FORBIDDEN') => new AppError(code, 403);
export const validationFailed = (details: ErrorDetail[]) => new AppError('VALIDATION_FAILED', 400, details);
export const fieldError = (field: string, code: string, message: string): AppError =>
  validationFailed([{ field, code, message }]);

/** 412 for a write based on an old version; the body carries the record as it is now, for the "someone else changed it" dialog. */
export const staleVersion = (current: unknown): AppError =>
  new AppError('VERSION_MISMATCH', 412, undefined, undefined, undefined, { current });
