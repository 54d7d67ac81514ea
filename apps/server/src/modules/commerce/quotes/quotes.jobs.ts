// The quotes' background work: every hour, sent and approved quotes past their validity date become expired.
import type { FastifyInstance } from 'fastify';
import type {} from '../../../app.ts';
import { expireQuotes } from './quotes.flow.ts';

export const EXPIRE_QUOTES_JOB = 'commerce.quotesExpire';

export function registerQuoteJobs(app: FastifyInstance): void {
  app.jobs
    .register(EXPIRE_QUOTES_JOB, async (_payload, { db, log }) => {
      const expired = await db.transaction((tx) => expireQuotes(tx));
      if (expired) log.info({ expired }, 'quotes expired');
    })
    .schedule(EXPIRE_QUOTES_JOB, 60 * 60);
}
