// Serving the web app: cache headers, the browser-router fallback, the API's JSON 404, and a missing build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errorHandler.ts';
import { registerWeb } from './web.ts';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function webApp(dist: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.decorateRequest('locale', 'zh-CN');
  registerErrorHandler(app);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await registerWeb(app, dist);
  return app;
}

describe('registerWeb', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'guanxi-web-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(dist, 'assets/index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
    app = await webApp(dist);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / for revalidation on every visit', async () => {
    const res = await app.inject({ url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>app</title>');
  });

  it('caches hashed assets for a year and other files not at all', async () => {
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a browser-router address with index.html', async () => {
    const res = await app.inject({ url: '/customers/0190a1b2?tab=history', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>app</title>');
  });

  it('keeps the JSON 404 for unknown API paths, even from a browser', async () => {
    for (const url of ['/api/v1/no-such-thing', '/api']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    }
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it('answers 404 for a missing file, a non-HTML request and a path outside dist', async () => {
    expect((await app.inject({ url: '/assets/gone-123.js', headers: HTML })).statusCode).toBe(404);
    expect((await app.inject({ url: '/customers', headers: { accept: 'application/json' } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/%2e%2e/%2e%2e/etc/passwd' })).statusCode).toBe(404);
  });

  it('tells how to build the web app when dist is missing', async () => {
    const empty = await webApp(path.join(dist, 'not-built'));
    const res = await empty.inject({ url: '/', headers: HTML });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w apps/web');
    await empty.close();
  });
});
