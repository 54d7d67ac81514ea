// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function registerEventRoutes(_app: FastifyInstance): void {}
