// Entry point: configuration → database → migrations → first-start data → app → listen.
import { loadConfig } from './config.ts';
import { openDatabase } from './platform/db/db.ts';
import { applyMigrations } from './platform/db/migrate.ts';
import { ensureAdministrator } from './modules/admin/admin.bootstrap.ts';
import { seedDemoData } from './demo/demo.seed.ts';
import { fillDemoInBackground } from './demo/demo.generated.ts';
import { buildApp } from './app.ts';
import { startPlatformJobs } from './platform/jobs/platformJobs.ts';
import { fixtureEntities } from './platform/entities/fixture/fixture.entities.ts';
import { AppError } from './platform/http/errors.ts';
import { translate } from './platform/i18n/i18n.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await applyMigrations(database.pool);
  const admin = await ensureAdministrator(database.db, config.adminPassword);
  const demo = config.demo ? await seedDemoData(database.db) : null;
  // The kit's fixture record types, for benchmarks and kit demos only.
  const extraEntities = process.env.GUANXI_KIT_FIXTURES === '1' ? fixtureEntities : [];
  const app = await buildApp({ database, config, extraEntities });
  const jobs = startPlatformJobs(app);
  await app.listen({ port: config.port, host: config.host });
  // The generated demo customers are written after the server listens; a start after a crash goes on with them.
  const demoFill = config.demo
    ? fillDemoInBackground(database.db, {
        demoCustomers: config.demoCustomers,
        // Embedded PGlite has one connection: rest between batches so requests get through meanwhile.
        pauseMs: database.engine === 'pglite' ? 300 : 0,
        log: app.log,
      })
    : null;

  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  const lines = [
    '',
    `Guanxi is running at ${url}`,
    `  database: ${database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}${applied.length ? `, applied ${applied.length} migration(s)` : ''}`,
    `  API docs: ${url}api/docs`,
  ];
  if (admin.createdPassword) {
    lines.push(
      `  administrator: admin / ${admin.createdPassword}   (generated now and shown only once; change it after signing in)`,
    );
  } else {
    lines.push('  administrator: admin (password set on first start)');
  }
  if (demo?.created) lines.push(`  demo users: ${demo.usernames.join(', ')} — password ${demo.password}`);
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await demoFill?.stop();
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** A refused setting at start (e.g. GUANXI_ADMIN_PASSWORD breaking the password rules) named with its reason. */
function startFailure(err: unknown): string {
  if (!(err instanceof AppError)) return err instanceof Error ? err.message : String(err);
  const reasons = (err.details ?? []).map((d) => `${d.field}: ${translate('en', d.code)}`);
  return [translate('en', err.code), ...reasons].join('\n  ');
}

main().catch((err: unknown) => {
  console.error(`Guanxi did not start: ${startFailure(err)}`);
  if (err instanceof Error && process.env.LOG_LEVEL === 'debug') console.error(err.stack);
  process.exit(1);
});
