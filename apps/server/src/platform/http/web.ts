// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
export async function registerWeb(_app: FastifyInstance, _dist: string | undefined): Promise<void> {}
