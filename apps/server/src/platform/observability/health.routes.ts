// GET /api/health: the process answers and the database runs a query within two seconds.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { errorBodySchema } from '@guanxi/contracts';
import { AppError } from '../http/errors.ts';

export const HEALTH_DB_TIMEOUT_MS = 2000;

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
});

/** Resolves true when the database answers `SELECT 1` within `timeoutMs`, false when it fails or is too slow. */
export async function databaseAnswers(app: FastifyInstance, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const probe = app.db.execute(sql`SELECT 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        security: [],
        response: { 200: healthSchema, 503: errorBodySchema },
      },
    },
    async () => {
      if (!(await databaseAnswers(app, HEALTH_DB_TIMEOUT_MS))) throw new AppError('SERVICE_UNAVAILABLE', 503);
      return { status: 'ok' as const, database: 'ok' as const, engine: app.database.engine };
    },
  );
}
