// The API as a signed-in page's user (same cookies, the session's CSRF token), for setting up what a test needs and
// checking what the UI did.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** The API as the signed-in user of `page` (same cookies), for setting up and checking what the UI did. */
export async function apiOf(page: Page) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    async get<T>(path: string): Promise<T> {
      const res = await page.request.get(`/api/v1${path}`);
      assert.equal(res.status(), 200, `GET ${path}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    async post<T>(path: string, data: unknown): Promise<T> {
      const res = await page.request.post(`/api/v1${path}`, { data, headers });
      assert.ok(res.ok(), `POST ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async patch<T>(path: string, data: unknown, extra: Record<string, string> = {}): Promise<T> {
      const res = await page.request.patch(`/api/v1${path}`, { data, headers: { ...headers, ...extra } });
      assert.ok(res.ok(), `PATCH ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async put<T>(path: string, data: unknown): Promise<T> {
      const res = await page.request.put(`/api/v1${path}`, { data, headers });
      assert.ok(res.ok(), `PUT ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
