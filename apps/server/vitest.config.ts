// Runs the server's tests twice: on the embedded PGlite engine and, when TEST_DATABASE_URL is set, on a real
// PostgreSQL server. Both projects run the same files; GUANXI_TEST_ENGINE tells the harness which engine to use.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const engineProject = (engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name: engine,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // globalSetup runs in the main process, where this env is not applied: it reads it from the project it is given.
    env: { GUANXI_TEST_ENGINE: engine },
    globalSetup: ['test/harness/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  if (process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the real-PostgreSQL suite must run in CI (.ci/run sets it).');
  }
  console.warn(
    '[guanxi] The real-PostgreSQL suite was NOT run: TEST_DATABASE_URL is not set (point it at a server where the user may create databases; .ci/run starts one).',
  );
}

export default defineConfig({
  test: {
    // Forks isolate each file's PGlite worker and WASM heap; most of a file's time is spent in the database
    // (another thread or process), so two forks on two cores keep both busy.
    pool: 'forks',
    maxWorkers: 2,
    projects: [engineProject('pglite'), ...(postgresUrl ? [engineProject('postgres')] : [])],
  },
});
