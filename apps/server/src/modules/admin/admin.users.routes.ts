// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function registerUserRoutes(_app: FastifyInstance): void {}
