// The web app's HTTP client for /api/v1: JSON in and out, the session cookie, the CSRF header on writes,
// failures as ApiError values, and one place that hears about a lost session (401).
import type { ErrorBody, ErrorDetail } from '@guanxi/contracts';

const BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** From Retry-After on 429 answers, in seconds. */
    readonly retryAfterSeconds?: number,
    /** With a 412: the record as it is stored now, for the "someone else changed it" dialog. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the request never got an answer (network down, server stopped). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';
type UnauthorizedListener = (code: string) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** The session's CSRF token, from the login or /auth/me answer; sent with every write. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Server messages come back in the interface language. */
export const setApiLocale = (locale: string): void => {
  acceptLanguage = locale;
};

/** Called with the error code whenever the server answers 401 to anything but the login itself. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details ?? [],
    retryAfter(response),
    (error as { current?: unknown } | undefined)?.current,
  );
}

/** Extra request options: `ifMatch` is the version the caller saw, for writes of existing rows (412 when stale). */
export interface RequestOptions {
  ifMatch?: number;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && path !== '/auth/login') unauthorizedListeners.forEach((listener) => listener(error.code));
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file as multipart form data (the browser sets the boundary); fields go before the file. */
export async function upload<T>(path: string, fields: Record<string, string>, file: File): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'accept-language': acceptLanguage,
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      credentials: 'same-origin',
      body: form,
    });
  } catch (err) {
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
