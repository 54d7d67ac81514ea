import { describe, expect, it } from 'vitest';
import { ApiError } from '../../platform/api.ts';
import { formatFileSize, uploadAttachment } from './attachments.api.ts';

/** A stand-in for XMLHttpRequest that records what is sent and answers as told. */
class FakeRequest {
  headers: Record<string, string> = {};
  url = '';
  body: FormData | undefined;
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(private readonly answer: { status: number; body: unknown }) {}
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    this.upload.onprogress?.({ lengthComputable: true, loaded: 512, total: 2048 });
    this.upload.onprogress?.({ lengthComputable: true, loaded: 2048, total: 2048 });
    this.status = this.answer.status;
    this.responseText = JSON.stringify(this.answer.body);
    this.onload?.();
  }
}

const file = new File(['%PDF-1.7 合同'], '采购合同（盖章版）.pdf', { type: 'application/pdf' });

describe('attachments', () => {
  it('words sizes as people read them', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('uploads the file as multipart with the CSRF header and reports progress', async () => {
    const request = new FakeRequest({ status: 201, body: { id: 'a1', fileName: file.name } });
    const progress: number[] = [];
    const stored = await uploadAttachment('contracts', 'c1', file, {
      csrfToken: 'token',
      locale: 'zh-CN',
      onProgress: (p) => progress.push(p),
      createRequest: () => request as unknown as XMLHttpRequest,
    });
    expect(stored).toEqual({ id: 'a1', fileName: '采购合同（盖章版）.pdf' });
    expect(request.url).toBe('/api/v1/contracts/c1/attachments');
    expect(request.headers).toMatchObject({ 'x-csrf-token': 'token', 'accept-language': 'zh-CN' });
    expect((request.body!.get('file') as File).name).toBe('采购合同（盖章版）.pdf');
    expect(progress).toEqual([25, 100]);
  });

  it('turns a refusal into the server’s words', async () => {
    const request = new FakeRequest({
      status: 413,
      body: { error: { code: 'ATTACHMENT_TOO_LARGE', message: '文件过大，附件不能超过 20 MB。' } },
    });
    const failed = uploadAttachment('contracts', 'c1', file, {
      csrfToken: null,
      locale: 'zh-CN',
      createRequest: () => request as unknown as XMLHttpRequest,
    });
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({
      status: 413,
      code: 'ATTACHMENT_TOO_LARGE',
      message: '文件过大，附件不能超过 20 MB。',
    });
  });
});
