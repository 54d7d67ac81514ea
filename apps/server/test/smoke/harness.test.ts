import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/testApp.ts';

describe('test harness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers health with the database reachable', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
  });

  it('answers an unknown route with a localised 404 body', async () => {
    const res = await t.anonymous.get('/api/v1/nothing-here', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    expect(res.json().error.message).toBe('No such endpoint.');
  });
});
