// Public surface of the contracts package: zod schemas and the types inferred from them.
export * from './access.ts';
export * from './auth.ts';
export * from './customers.ts';
export * from './entities.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './imports.ts';
export * from './sales.ts';
export * from './salesPlanning.ts';
export * from './search.ts';
export * from './views.ts';
export * from './timeline.ts';
export * from './commerceCatalog.ts';
export * from './commerceReceivables.ts';
export * from './attachments.ts';
export * from './commerceOrders.ts';
export * from './commerceApprovals.ts';
