// Health, metrics, request ids in responses and logs, security headers and the OpenAPI document of the real app.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';
import { buildApp } from '../../app.ts';
import { enqueueJob } from '../jobs/jobs.runner.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/health', () => {
  it('answers ok with the engine once the database answers', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', engine: t.database.engine });
  });

  it('answers 503 SERVICE_UNAVAILABLE when the database does not answer within 2 s', async () => {
    // Holding every pooled connection makes the health query wait, as a wedged database would.
    const held: pg.PoolClient[] = [];
    const poolSize = (t.database.pool as pg.Pool & { options: { max: number } }).options.max;
    for (let i = 0; i < poolSize; i++) held.push(await t.database.pool.connect());
    try {
      const started = Date.now();
      const res = await t.anonymous.get('/api/health', { 'accept-language': 'en' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable.' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    } finally {
      for (const client of held) client.release();
    }
    expect((await t.anonymous.get('/api/health')).statusCode).toBe(200);
  });
});

describe('GET /metrics', () => {
  it('exposes process metrics and request durations labelled by route pattern', async () => {
    await t.anonymous.get('/api/health');
    await t.anonymous.get('/api/v1/no-such-thing/123');
    const res = await t.anonymous.get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} \d+/);
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} \d+/);
    expect(res.body).not.toContain('no-such-thing');
  });

  it('counts job attempts by name and outcome, and open event streams', async () => {
    t.app.jobs.register('test.metrics', async () => {});
    await enqueueJob(t.db, 'test.metrics');
    await t.app.jobs.tick();
    const res = await t.anonymous.get('/metrics');
    expect(res.body).toMatch(/guanxi_job_attempt_duration_seconds_count\{name="test.metrics",outcome="done"\} 1/);
    expect(res.body).toMatch(/guanxi_sse_connections 0/);
  });
});

describe('request ids', () => {
  it('echoes a given x-request-id, makes one up otherwise, and logs it', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp({ database: t.database, config: t.config, logger: { level: 'info', stream } });
    try {
      const given = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-trace-0001' } });
      expect(given.headers['x-request-id']).toBe('lb-trace-0001');
      const made = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id with spaces' } });
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const logged = lines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
      expect(logged.filter((entry) => entry.reqId === 'lb-trace-0001').map((entry) => entry.msg)).toEqual(
        expect.arrayContaining(['incoming request', 'request completed']),
      );
    } finally {
      await app.close();
    }
  });
});

describe('security headers', () => {
  const expectHelmetHeaders = (headers: Record<string, unknown>) => {
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('are sent on API responses, errors included', async () => {
    expectHelmetHeaders((await t.anonymous.get('/api/health')).headers);
    expectHelmetHeaders((await t.anonymous.get('/api/v1/nothing')).headers);
  });

  it('are sent on HTML pages', async () => {
    const res = await t.anonymous.get('/api/docs/');
    expect(res.headers['content-type']).toContain('text/html');
    expectHelmetHeaders(res.headers);
  });
});

describe('OpenAPI', () => {
  interface OpenApiDocument {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, { type: string; in?: string; scheme?: string }> };
  }

  it('describes the API as OpenAPI 3 at /api/docs/json', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDocument>();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Guanxi CRM API', version: expect.any(String) });
    expect(doc.components.securitySchemes).toMatchObject({
      cookieAuth: { type: 'apiKey', in: 'cookie' },
      bearerAuth: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.paths['/api/health']?.get?.responses).toHaveProperty('200');
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
    for (const [path, operations] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/api\//);
      for (const operation of Object.values(operations)) expect(operation.responses, path).toBeTypeOf('object');
    }
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await t.anonymous.get('/api/docs');
    const page = res.statusCode === 302 ? await t.anonymous.get(res.headers.location as string) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger-ui');
  });
});
