// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function startPlatformJobs(_app: FastifyInstance): { stop(): Promise<void> } {
  return { stop: async () => {} };
}
