// Builds the Fastify application: plugins, hooks and every module's routes. Used by main.ts and by the tests.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from './config.ts';
import type { Database, Db } from './platform/db/db.ts';
import { registerErrorHandler } from './platform/http/errorHandler.ts';
import { localeFromHeader } from './platform/i18n/i18n.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerAuth } from './platform/auth/auth.plugin.ts';
import { registerAuthRoutes } from './platform/auth/auth.routes.ts';
import { registerAccessRoutes } from './platform/access/access.routes.ts';
import { registerUserRoutes } from './modules/admin/admin.users.routes.ts';
import { registerCustomFieldRoutes } from './platform/customFields/customFields.routes.ts';
import { registerEntityRoutes, registerMetaRoutes } from './platform/entities/entity.routes.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerHealthRoutes } from './platform/observability/health.routes.ts';
import { registerMetrics } from './platform/observability/metrics.ts';
import { registerEventRoutes } from './platform/events/events.routes.ts';
import { registerSavedViewRoutes } from './platform/views/views.routes.ts';
import { registerSearchRoutes } from './platform/search/search.routes.ts';
import { registerImportRoutes } from './platform/imports/imports.routes.ts';
import { registerAttachmentRoutes } from './platform/files/attachments.routes.ts';
import { EventBus } from './platform/events/bus.ts';
import { registerReferenceCache } from './platform/cache/referenceCache.ts';
import { registerJobs } from './platform/jobs/jobs.plugin.ts';
import { registerWeb } from './platform/http/web.ts';
import { entityRegistry, type EntityRegistry } from './platform/entities/registry.ts';
import type { EntityDescriptor } from './platform/entities/descriptor.ts';
import { customerEntities } from './modules/customers/customers.entities.ts';
import { registerCustomerRoutes } from './modules/customers/customers.routes.ts';
import { registerIdentifierRoutes } from './modules/customers/customers.identifiers.routes.ts';
import { activityEntities } from './modules/activities/activities.entities.ts';
import { registerActivityRoutes } from './modules/activities/activities.routes.ts';
import { registerActivityJobs } from './modules/activities/activities.reminders.ts';
import { activityTimelineSource } from './modules/activities/activities.timeline.ts';
import './modules/sales/sales.messages.ts';
import './modules/sales/sales.lookups.ts';
import { salesEntities } from './modules/sales/sales.entities.ts';
import { registerSalesRoutes } from './modules/sales/sales.routes.ts';
import { registerSalesJobs } from './modules/sales/sales.jobs.ts';
import { salesTimelineSource } from './modules/sales/sales.timeline.ts';
import { commerceParts } from './modules/commerce/commerce.module.ts';
import { timelineRegistry } from './platform/timeline/timeline.ts';
import { registerLookupRoutes } from './platform/entities/lookups.routes.ts';
import { fieldChangeSource } from './platform/timeline/timeline.fieldChanges.ts';
import { registerTimelineRoutes } from './platform/timeline/timeline.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    events: EventBus;
    entities: EntityRegistry;
  }
}

export interface AppOptions {
  database: Database;
  config: Config;
  /** Record types beyond those of the modules, e.g. the kit's fixture types in tests. */
  extraEntities?: EntityDescriptor[];
  logger?: boolean | object;
  events?: EventBus;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : uuidv7();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only; other bodies get 415 instead of reaching a handler as a string.
  app.removeContentTypeParser('text/plain');
  // A bodiless POST (logout, restore) sent with a JSON content type is common in API clients: treat it as no body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body.toString(), done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('events', options.events ?? new EventBus());
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    void reply.header('x-request-id', request.id);
  });

  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Plain HTTP on a LAN address must keep working; TLS is the reverse proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  await registerOpenApi(app);
  registerMetrics(app);
  registerReferenceCache(app);
  registerJobs(app);
  await registerAuth(app);
  registerIdempotency(app);

  const registry = entityRegistry([
    ...customerEntities,
    ...activityEntities,
    ...salesEntities,
    ...commerceParts.flatMap((part) => part.entities ?? []),
    ...(options.extraEntities ?? []),
  ]);
  app.decorate('entities', registry);
  // Sources of a customer's timeline; later modules (orders, quotes, cases) add theirs here.
  const timeline = timelineRegistry([
    fieldChangeSource([
      'customer',
      'contact',
      'activity',
      'opportunity',
      ...commerceParts.flatMap((part) => part.timelineFieldChanges ?? []),
    ]),
    activityTimelineSource,
    salesTimelineSource,
    ...commerceParts.flatMap((part) => part.timelineSources ?? []),
  ]);
  registerActivityJobs(app);
  registerSalesJobs(app);
  for (const part of commerceParts) part.registerJobs?.(app);
  await app.register(
    async (api) => {
      registerHealthRoutes(api);
      registerAuthRoutes(api);
      registerAccessRoutes(api, registry);
      registerUserRoutes(api);
      registerCustomFieldRoutes(api, registry);
      registerMetaRoutes(api, registry);
      registerSavedViewRoutes(api, registry);
      registerSearchRoutes(api, registry);
      registerLookupRoutes(api);
      for (const descriptor of registry.all()) registerEntityRoutes(api, registry, descriptor);
      registerCustomerRoutes(api);
      registerIdentifierRoutes(api, registry);
      registerActivityRoutes(api, registry);
      registerSalesRoutes(api, registry);
      for (const part of commerceParts) part.registerRoutes?.(api, registry);
      registerTimelineRoutes(api, registry, timeline);
      registerEventRoutes(api);
      await registerImportRoutes(api, registry);
      await registerAttachmentRoutes(api, registry);
    },
    { prefix: '/api' },
  );
  await registerWeb(app, config.webDist);
  return app;
}
