// Drives one import through the API as a user would: upload the file (POST /api/v1/imports), start it, poll its
// progress every 2 s until it ends, printing each change with the server's RSS. Used by import.ts and importLeads.ts.
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningServer } from './server.ts';
import type { Session } from './workloads/workload.ts';

export interface ImportOutcome {
  id: string;
  status: string;
  progress: Record<string, number | null>;
  lastError: string | null;
  /** The upload (rows counted while it is stored). */
  uploadSeconds: number;
  /** From the start request to the poll that saw it end (±2 s, the poll interval). */
  seconds: number;
  /** True when it was still running after `maxSeconds`. */
  stopped: boolean;
}

export async function runImportThroughApi(options: {
  server: RunningServer;
  session: Session;
  recordType: string;
  file: string;
  maxSeconds: number;
}): Promise<ImportOutcome> {
  const { server, session, recordType, file } = options;
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const form = new FormData();
  form.append('recordType', recordType);
  form.append('file', await openAsBlob(file), path.basename(file));
  let t0 = performance.now();
  const uploaded = await fetch(`${server.baseUrl}/api/v1/imports`, { method: 'POST', headers, body: form });
  const created = (await uploaded.json()) as {
    id: string;
    mapping: { header: string; field: string | null }[];
    missingRequired: string[];
  };
  if (!uploaded.ok) throw new Error(`upload answered ${uploaded.status}: ${JSON.stringify(created)}`);
  const uploadSeconds = (performance.now() - t0) / 1000;
  if (created.missingRequired.length)
    throw new Error(`the mapping misses required fields: ${created.missingRequired.join(', ')}`);
  // The rows are counted while the upload is stored, so the total is known before the import starts.
  const counted = (await (await fetch(`${server.baseUrl}/api/v1/imports/${created.id}`, { headers })).json()) as {
    progress: { total: number | null };
  };
  console.log(
    `upload: ${uploadSeconds.toFixed(1)} s, ${counted.progress.total ?? '?'} rows counted, peak RSS so far ${server.memory.overallPeakMb.toFixed(0)} MB; ` +
      `mapping ${created.mapping.map((m) => `${m.header}→${m.field ?? '—'}`).join(' ')}`,
  );
  const start = await fetch(`${server.baseUrl}/api/v1/imports/${created.id}/start`, { method: 'POST', headers });
  if (!start.ok) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  t0 = performance.now();
  let last = '';
  for (;;) {
    await sleep(2000);
    const state = (await (await fetch(`${server.baseUrl}/api/v1/imports/${created.id}`, { headers })).json()) as {
      status: string;
      progress: Record<string, number | null>;
      lastError: string | null;
    };
    const seconds = (performance.now() - t0) / 1000;
    const line = `${seconds.toFixed(0)} s ${state.status} ${JSON.stringify(state.progress)} RSS ${server.memory.takeWindowPeakMb().toFixed(0)} MB`;
    if (line !== last) console.log(line);
    last = line;
    const stopped = seconds > options.maxSeconds;
    if (stopped || (state.status !== 'queued' && state.status !== 'running'))
      return { id: created.id, ...state, uploadSeconds, seconds, stopped };
  }
}
