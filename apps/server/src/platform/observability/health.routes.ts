// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function registerHealthRoutes(app: FastifyInstance): void {
  app.get('/health', async () => ({ status: 'ok' }));
}
