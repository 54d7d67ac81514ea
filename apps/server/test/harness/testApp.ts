// Builds the real Fastify app on a fresh test database and gives tests signed-in HTTP clients.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database, Db } from '../../src/platform/db/db.ts';
import type { EntityDescriptor } from '../../src/platform/entities/descriptor.ts';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/sessions.ts';
import { createTestDatabase } from './testDatabase.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  config: Config;
  /** A client signed in as `userId` through a real session cookie (CSRF header included on writes). */
  as(userId: string): Promise<TestClient>;
  /** A client that sends no credentials. */
  anonymous: TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** POSTs a body exactly as given, e.g. broken JSON or another content type. */
  postRaw(url: string, payload: string, contentType?: string): Promise<LightMyRequestResponse>;
  cookie?: string;
  csrfToken?: string;
}

export function makeClient(app: FastifyInstance, baseHeaders: Record<string, string>): TestClient {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...baseHeaders, ...(options.headers as Record<string, string> | undefined) } });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown, headers?: Record<string, string>) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers });
  return {
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url, headers) => request({ method: 'DELETE', url, headers }),
    postRaw: (url, payload, contentType = 'application/json') =>
      request({ method: 'POST', url, payload, headers: { 'content-type': contentType } }),
  };
}

export async function createTestApp(
  options: { extraEntities?: EntityDescriptor[]; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = { ...loadConfig({}), jobPollMs: 50, ...options.config };
  const app = await buildApp({ database, config, extraEntities: options.extraEntities, logger: false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    anonymous: makeClient(app, {}),
    async as(userId: string) {
      const session = await createSession(database.db, userId, {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
      });
      const cookie = `${SESSION_COOKIE}=${session.cookieValue}`;
      const client = makeClient(app, { cookie, 'x-csrf-token': session.csrfToken });
      client.cookie = cookie;
      client.csrfToken = session.csrfToken;
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
