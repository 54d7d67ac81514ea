// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function registerAccessRoutes(_app: FastifyInstance): void {}
