// Only a campaign's lead form may be shown in another site's frame (embedded on a landing page); every other page
// of the app refuses to be framed, as the security headers say.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('framing of the app’s pages', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'guanxi-web-frame-'));
  let t: TestApp;
  beforeAll(async () => {
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    t = await createTestApp({ config: { webDist: dist } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('lets any site frame a lead form’s page and no other page', async () => {
    const form = await t.app.inject({ url: '/public/lead-forms/ningbo-book-fair', headers: HTML });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<title>app</title>');
    expect(form.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(form.headers['x-frame-options']).toBeUndefined();

    for (const url of ['/customers', '/public/lead-forms/a/b', '/admin/lead-forms']) {
      const page = await t.app.inject({ url, headers: HTML });
      expect(page.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(page.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });
});
