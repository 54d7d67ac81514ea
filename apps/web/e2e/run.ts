// End-to-end run: builds the web app if stale, starts the real server on a fresh database, runs every spec in
// e2e/specs with Debian's Chromium, and always stops the server. `npm run test:e2e -w apps/web -- <name filter>`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchBrowser } from './harness/browser.ts';
import { resultsDir, webDir } from './harness/paths.ts';
import { runTests } from './harness/runner.ts';
import { startServer, stopServers, type RunningServer } from './harness/server.ts';

const specsDir = path.join(webDir, 'e2e/specs');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const started = performance.now();
  mkdirSync(resultsDir, { recursive: true });
  // Failure screenshots of an earlier run would mislead whoever opens the folder.
  for (const name of readdirSync(resultsDir).filter((n) => n.startsWith('failed-'))) rmSync(path.join(resultsDir, name));

  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: webDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the web app failed');

  for (const file of readdirSync(specsDir)
    .filter((name) => name.endsWith('.spec.ts'))
    .sort()) {
    await import(pathToFileURL(path.join(specsDir, file)).href);
  }

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  // Ctrl-C or a CI timeout must not leave a server behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`[e2e] ${signal}: stopping the server`);
      void Promise.allSettled([browser?.close(), stopServers()]).then(() => process.exit(130));
    });
  }
  try {
    const serverStarted = performance.now();
    server = await startServer();
    console.log(`[e2e] server ready at ${server.baseUrl} in ${seconds(serverStarted)}; log: ${server.logFile}`);
    browser = await launchBrowser();
    console.log(`[e2e] ${CHROMIUM} ${browser.version()}`);
    const { passed, failed } = await runTests(browser, server, process.argv[2]);
    console.log(`\n${passed} passed, ${failed} failed (${seconds(started)}); screenshots in ${resultsDir}`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } catch (err) {
    const logFile = path.join(resultsDir, 'e2e-server.log');
    console.error(`[e2e] server log (${logFile}):\n${tail(logFile)}`);
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no log)';
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[e2e] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    console.log('\n0 passed, 1 failed (the run did not start)');
    process.exit(1);
  },
);
