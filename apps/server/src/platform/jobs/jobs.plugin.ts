// Gives the app one job runner (`app.jobs`) at build time, so modules register their handlers while their routes
// are registered; main.ts starts it through startPlatformJobs, and closing the app stops it.
import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import { JobRunner } from './jobs.runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
  }
}

export function registerJobs(app: FastifyInstance): void {
  const attempts = new Histogram({
    name: 'guanxi_job_attempt_duration_seconds',
    help: 'Duration of job attempts by job name and outcome (done, retry, failed)',
    labelNames: ['name', 'outcome'] as const,
    buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120, 600],
    registers: [app.metrics],
  });
  const runner = new JobRunner({
    db: app.db,
    pollMs: app.config.jobPollMs,
    // PGlite serves one connection, so more workers would mostly wait for it.
    concurrency: app.database.engine === 'postgres' ? 4 : 2,
    log: app.log.child({ component: 'jobs' }),
    onAttempt: (name, outcome, seconds) => attempts.observe({ name, outcome }, seconds),
  });
  app.decorate('jobs', runner);
  app.addHook('onClose', async () => {
    await runner.stop();
  });
}
