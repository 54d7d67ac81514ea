// Where the end-to-end harness finds the repository, the server and the web build, and where it writes results.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = fileURLToPath(new URL('../..', import.meta.url));
export const repoDir = path.resolve(webDir, '../..');
export const serverDir = path.join(repoDir, 'apps/server');
export const distDir = path.join(webDir, 'dist');
export const resultsDir = path.join(repoDir, 'test-results');
