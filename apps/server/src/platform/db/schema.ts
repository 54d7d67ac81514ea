// Every table of the server, gathered for Drizzle and drizzle-kit. Modules add their `*.schema.ts` here.
export * from '../access/access.schema.ts';
export * from '../auth/auth.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../http/http.schema.ts';
export * from '../customFields/customFields.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from '../events/events.schema.ts';
export * from '../entities/fixture/fixture.schema.ts';
export * from '../views/views.schema.ts';
export * from '../search/search.schema.ts';
export * from '../imports/imports.schema.ts';
export * from '../../modules/customers/customers.schema.ts';
export * from '../../modules/activities/activities.schema.ts';
export * from '../../modules/sales/sales.schema.ts';
export * from '../../modules/sales/planning/planning.schema.ts';
export * from '../../modules/commerce/catalog/catalog.schema.ts';
