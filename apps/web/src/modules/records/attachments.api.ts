// Files attached to a record, for any record type (/api/v1/<plural>/:id/attachments): the list through TanStack Query,
// the upload through XMLHttpRequest so its progress can be shown, removal, the download address, and sizes in words.
import { useQuery } from '@tanstack/react-query';
import type { ErrorBody, RecordAttachment } from '@guanxi/contracts';
import { api, ApiError, NETWORK_ERROR } from '../../platform/api.ts';

export type { RecordAttachment };

export const attachmentsKey = (plural: string, id: string) => ['records', plural, 'attachments', id] as const;

export const useAttachments = (plural: string, id: string) =>
  useQuery({
    queryKey: attachmentsKey(plural, id),
    queryFn: () => api.get<{ items: RecordAttachment[] }>(`/${plural}/${id}/attachments`).then((r) => r.items),
  });

export const attachmentDownloadUrl = (plural: string, id: string, attachmentId: string): string =>
  `/api/v1/${plural}/${id}/attachments/${attachmentId}/download`;

export const deleteAttachment = (plural: string, id: string, attachmentId: string): Promise<void> =>
  api.delete(`/${plural}/${id}/attachments/${attachmentId}`);

export interface UploadOptions {
  csrfToken: string | null;
  locale: string;
  /** Share of the bytes sent, 0–100. */
  onProgress?: (percent: number) => void;
  /** The request, for tests; the browser's XMLHttpRequest by default. */
  createRequest?: () => XMLHttpRequest;
}

/** The server's refusal as an ApiError, as the fetch client reports it. */
function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = JSON.parse(xhr.responseText) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const error = body?.error;
  return new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? xhr.statusText, error?.details ?? []);
}

/** Sends one file as multipart form data and answers the stored attachment. */
export function uploadAttachment(plural: string, id: string, file: File, options: UploadOptions): Promise<RecordAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = options.createRequest?.() ?? new XMLHttpRequest();
    xhr.open('POST', `/api/v1/${plural}/${id}/attachments`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', options.locale);
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as RecordAttachment);
      else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const UNITS = ['B', 'KB', 'MB', 'GB'];

/** 512 B, 1.5 KB, 2.3 MB: one decimal below 10 of a unit, none above. */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
