// Which database engine the integration tests run on: PGlite by default, a real PostgreSQL server when the
// Vitest project sets GUANXI_TEST_ENGINE=postgres (with TEST_DATABASE_URL pointing at a server).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { listMigrations } from '../../src/platform/db/migrate.ts';

export type TestEngine = 'pglite' | 'postgres';

export const testEngine = (): TestEngine => (process.env.GUANXI_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');

export function adminDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('GUANXI_TEST_ENGINE=postgres needs TEST_DATABASE_URL (a server where the test user may create databases)');
  return url;
}

/** Changes whenever a migration changes, so a stale template is never reused. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.name).update(m.checksum);
  return hash.digest('hex').slice(0, 12);
}

export const TMP_ROOT = fileURLToPath(new URL('../../../../.tmp/', import.meta.url));
export const pgliteTemplateDir = (): string => `${TMP_ROOT}pglite-template-${migrationsFingerprint()}`;
export const postgresTemplateName = (): string => `guanxi_tpl_${migrationsFingerprint()}`;

export function databaseUrlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
