// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export function registerIdempotency(_app: FastifyInstance): void {}
