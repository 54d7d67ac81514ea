// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function registerMetrics(_app: FastifyInstance): void {}
