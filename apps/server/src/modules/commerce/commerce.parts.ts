// The commerce module's parts — catalogue, quotes, contracts, orders, receivables — each declared in its own
// `<part>/<part>.part.ts` and gathered here, so app.ts registers them in one place and each part changes only its
// own file: record types, customer-timeline sources, the record types whose field changes the timeline shows,
// background jobs, HTTP routes and demo data.
import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { EntityDescriptor } from '../../platform/entities/descriptor.ts';
import type { EntityRegistry } from '../../platform/entities/registry.ts';
import type { TimelineSource } from '../../platform/timeline/timeline.ts';

export interface ServerPart {
  entities?: EntityDescriptor[];
  timelineSources?: TimelineSource[];
  /** Record types referencing a customer whose audited field changes belong on its timeline. */
  timelineFieldChanges?: string[];
  registerJobs?(app: FastifyInstance): void;
  registerRoutes?(api: FastifyInstance, registry: EntityRegistry): void;
  /** The part's demo data, written in the first start's transaction after the demo products (demo.seed.ts). */
  seedDemo?(db: DbOrTx): Promise<void>;
}
