// Pipelines and stages as lookups (platform/entities/lookups.ts): an opportunity's pipelineId and stageId are checked
// on write, shown by name, and offered in pickers — stages narrowed by the chosen pipeline.
import { asc, eq, inArray } from 'drizzle-orm';
import { registerLookup } from '../../platform/entities/lookups.ts';
import { pipelines, stages } from './sales.schema.ts';

registerLookup('pipeline', {
  async exists(db, id) {
    return (await db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, id))).length > 0;
  },
  async options(db, { ids }) {
    const rows = await db
      .select()
      .from(pipelines)
      .where(ids ? inArray(pipelines.id, ids) : undefined)
      .orderBy(asc(pipelines.position), asc(pipelines.createdAt));
    return rows.map((p) => ({ value: p.id, label: p.name, ...(p.active ? {} : { inactive: true }) }));
  },
});

registerLookup('stage', {
  async exists(db, id) {
    return (await db.select({ id: stages.id }).from(stages).where(eq(stages.id, id))).length > 0;
  },
  async options(db, { ids, parent }) {
    const rows = await db
      .select()
      .from(stages)
      .where(ids ? inArray(stages.id, ids) : parent ? eq(stages.pipelineId, parent) : undefined)
      .orderBy(asc(stages.pipelineId), asc(stages.position));
    return rows.map((s) => ({ value: s.id, label: s.name, parent: s.pipelineId, ...(s.active ? {} : { inactive: true }) }));
  },
});
