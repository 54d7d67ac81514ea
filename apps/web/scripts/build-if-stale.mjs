// Builds the web app only when a source is newer than dist/index.html, so `npm start` restarts fast.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(webDir, '../..');
const SOURCES = [
  path.join(webDir, 'src'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  path.join(webDir, 'package.json'),
  path.join(repoDir, 'packages/contracts/src'),
  path.join(repoDir, 'package-lock.json'),
];

/** Newest modification time below a path; directories count too, so a deleted file also triggers a build. */
function newestMtime(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

const outDir = path.resolve(webDir, process.env.GUANXI_WEB_OUT ?? 'dist');
const builtAt = newestMtime(path.join(outDir, 'index.html'));
const changedAt = Math.max(...SOURCES.map(newestMtime));
if (builtAt > changedAt && process.env.GUANXI_FORCE_WEB_BUILD !== '1') {
  console.log('[web] dist is up to date; skipping the build');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build'], { cwd: webDir, stdio: 'inherit' });
process.exit(result.status ?? 1);
