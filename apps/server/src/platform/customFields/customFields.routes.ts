// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
import type { EntityRegistry } from '../entities/registry.ts';
export function registerCustomFieldRoutes(_app: FastifyInstance, _r: EntityRegistry): void {}
