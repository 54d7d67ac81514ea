// Where the end-to-end harness finds the repository, the server and the web build, and where it writes results.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = fileURLToPath(new URL('../..', import.meta.url));
export const repoDir = path.resolve(webDir, '../..');
export const serverDir = path.join(repoDir, 'apps/server');
// GUANXI_WEB_OUT and GUANXI_E2E_RESULTS let two runs share one checkout without overwriting each other.
export const distDir = path.resolve(webDir, process.env.GUANXI_WEB_OUT ?? 'dist');
export const resultsDir = path.resolve(repoDir, process.env.GUANXI_E2E_RESULTS ?? 'test-results');
