// Order types and their stages as lookups (platform/entities/lookups.ts): an order's orderTypeId and currentStageId
// are checked on write, shown by name, and offered in pickers — stages narrowed by the order type.
import { asc, eq, inArray } from 'drizzle-orm';
import { registerLookup } from '../../../platform/entities/lookups.ts';
import { orderStages, orderTypes } from './orders.schema.ts';

registerLookup('orderType', {
  async exists(db, id) {
    return (await db.select({ id: orderTypes.id }).from(orderTypes).where(eq(orderTypes.id, id))).length > 0;
  },
  async options(db, { ids }) {
    const rows = await db
      .select()
      .from(orderTypes)
      .where(ids ? inArray(orderTypes.id, ids) : undefined)
      .orderBy(asc(orderTypes.position), asc(orderTypes.createdAt));
    return rows.map((t) => ({ value: t.id, label: t.name, ...(t.active ? {} : { inactive: true }) }));
  },
});

registerLookup('orderStage', {
  async exists(db, id) {
    return (await db.select({ id: orderStages.id }).from(orderStages).where(eq(orderStages.id, id))).length > 0;
  },
  async options(db, { ids, parent }) {
    const rows = await db
      .select()
      .from(orderStages)
      .where(ids ? inArray(orderStages.id, ids) : parent ? eq(orderStages.orderTypeId, parent) : undefined)
      .orderBy(asc(orderStages.orderTypeId), asc(orderStages.position));
    return rows.map((s) => ({ value: s.id, label: s.name, parent: s.orderTypeId, ...(s.active ? {} : { inactive: true }) }));
  },
});
