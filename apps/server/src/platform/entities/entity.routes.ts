// STUB: replaced by its owner.
import type { FastifyInstance } from 'fastify';
import type { EntityRegistry } from './registry.ts';
import type { EntityDescriptor } from './descriptor.ts';
export function registerEntityRoutes(_app: FastifyInstance, _r: EntityRegistry, _d: EntityDescriptor): void {}
export function registerMetaRoutes(_app: FastifyInstance, _r: EntityRegistry): void {}
