// HTTP side of a bench run: signing dataset users in, and driving one workload's requests with autocannon on
// loopback, bounded by a duration and a request count, timing every response itself (autocannon has no p95).
import type { IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import type { Me } from '@guanxi/contracts';
import { summarize, type LatencySummary } from './stats.ts';
import type { Session } from './workloads/workload.ts';

export interface HttpResult extends LatencySummary {
  requests: number;
  requestsPerSecond: number;
  seconds: number;
  /** Responses outside 2xx, plus connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
  /** The first body of each non-2xx status, to say what went wrong. */
  errorSamples: Record<string, string>;
  connectionErrors: number;
  timeouts: number;
  /** The server's own time per request (its Server-Timing header): without the trip through the sockets. */
  server: LatencySummary | null;
}

export interface LoadOptions {
  baseUrl: string;
  requests: autocannon.Request[];
  connections: number;
  durationSeconds: number;
  maxRequests: number;
}

export async function runLoad(options: LoadOptions): Promise<HttpResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const errorSamples: Record<string, string> = {};
  const serverTimes: number[] = [];
  let connectionErrors = 0;
  // Keep the first error body of each status: autocannon only passes bodies and headers to a request's onResponse.
  const requests = options.requests.map((request) => ({
    ...request,
    onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
      if ((status < 200 || status > 299) && !(status in errorSamples)) errorSamples[status] = body.slice(0, 500);
      const timing = /\bapp;dur=([\d.]+)/.exec(String(headers?.['server-timing'] ?? ''));
      if (timing) serverTimes.push(Number(timing[1]));
    },
  }));
  const started = performance.now();
  let lastResponse = started;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // With a callback autocannon returns its instance (events, stop) instead of a promise.
  const instance = autocannon(
    {
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationSeconds,
      maxOverallRequests: options.maxRequests,
      requests,
      timeout: 30,
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  // The 'response' event carries (client, status, bytes, ms); @types/autocannon declares it without the client.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    lastResponse = performance.now();
  });
  instance.on('reqError', () => {
    connectionErrors += 1;
  });
  const result = await done;
  const seconds = (lastResponse - started) / 1000;
  const non2xx = Object.entries(statusCodes)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: latencies.length,
    requestsPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    seconds,
    errors: non2xx + connectionErrors + result.timeouts,
    statusCodes,
    errorSamples,
    connectionErrors,
    timeouts: result.timeouts,
    server: serverTimes.length ? summarize(serverTimes) : null,
    ...summarize(latencies),
  };
}

/** Signs in through the real login route; returns the session cookie and the CSRF token from the body. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Signing in as ${username} answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as Me;
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('gx_session='));
  if (!cookie || !body.csrfToken) throw new Error(`Signing in as ${username} returned no gx_session cookie or csrfToken`);
  return { userId: body.user.id, cookie, csrfToken: body.csrfToken };
}
