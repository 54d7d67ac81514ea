// Maps every thrown error to the API's error body and status, once. Bad input never becomes a 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@guanxi/contracts';
import { ZodError } from 'zod';
import { translate } from '../i18n/i18n.ts';
import { AppError } from './errors.ts';
import { issuesToDetails } from './validation.ts';

interface RouteValidationIssue {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
}

const isPgError = (err: unknown): err is PgError =>
  typeof err === 'object' &&
  err !== null &&
  typeof (err as PgError).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((err as PgError).code);

/** Converts any error into an AppError; unknown errors come back as undefined (a real 500). */
export function toAppError(err: unknown, request: FastifyRequest): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('VALIDATION_FAILED', 400, issuesToDetails(err.issues, request.locale));
  const fe = err as FastifyError & { validation?: unknown; validationContext?: string };
  if (fe && Array.isArray(fe.validation)) {
    // Route schemas are zod; fastify-type-provider-zod hands each issue over as { keyword, instancePath, params }.
    const context = fe.validationContext && fe.validationContext !== 'body' ? [fe.validationContext] : [];
    const issues = (fe.validation as RouteValidationIssue[]).map((v) => ({
      ...v.params,
      code: v.keyword,
      path: (v.instancePath ?? '').split('/').filter(Boolean),
      message: v.message ?? v.keyword,
    }));
    return new AppError(
      'VALIDATION_FAILED',
      400,
      issuesToDetails(issues as unknown as ZodError['issues'], request.locale, context),
    );
  }
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', 400);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
  }
  if (err instanceof SyntaxError && fe.statusCode === 400) return new AppError('INVALID_JSON', 400);
  if (isPgError(err)) {
    if (err.code === '23505')
      return new AppError(
        'DUPLICATE_VALUE',
        409,
        err.constraint ? [{ code: 'duplicate', message: err.constraint, field: undefined }] : undefined,
      );
    if (err.code === '40001' || err.code === '40P01') return new AppError('CONFLICT', 409, undefined, { detail: 'retry' });
    // Invalid text representation, numeric out of range, value too long, string data right truncation.
    if (['22P02', '22003', '22001', '22007', '22008'].includes(err.code))
      return new AppError('VALIDATION_FAILED', 400, [
        { code: 'invalid_value', message: translate(request.locale, 'invalid_value') },
      ]);
  }
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'ROUTE_NOT_FOUND' : 'INVALID_REQUEST', fe.statusCode);
  }
  return undefined;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: translate(request.locale, error.code, { requestId: request.id, ...error.params }),
      requestId: request.id,
      ...error.extra,
      ...(error.details?.length
        ? {
            // A detail whose message is its own code carries no text yet: localise it here, once.
            details: error.details.map((d) => (d.message === d.code ? { ...d, message: translate(request.locale, d.code) } : d)),
          }
        : {}),
    },
  };
  if (error.headers) void reply.headers(error.headers);
  return reply.status(error.status).send(body);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err, request);
    if (appError) {
      if (appError.status >= 500) request.log.error({ err }, 'request failed');
      return sendError(reply, request, appError);
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, request, new AppError('INTERNAL_ERROR', 500));
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, request, new AppError('ROUTE_NOT_FOUND', 404)));
}
