// Gives the app one job runner (`app.jobs`) at build time, so modules register their handlers while their routes
// are registered; main.ts starts it through startPlatformJobs, and closing the app stops it.
import type { FastifyInstance } from 'fastify';
import { JobRunner } from './jobs.runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
  }
}

export function registerJobs(app: FastifyInstance): void {
  app.decorate('jobs', new JobRunner({ db: app.db, pollMs: app.config.jobPollMs, log: app.log.child({ component: 'jobs' }) }));
  app.addHook('onClose', async () => {
    await app.jobs.stop();
  });
}
