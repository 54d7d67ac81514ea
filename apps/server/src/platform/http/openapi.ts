// OpenAPI 3 description of the API, generated from the routes' zod schemas, and Swagger UI at /api/docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../auth/sessions.ts';

export const DOCS_PREFIX = '/api/docs';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guanxi CRM API',
        description:
          'REST API of Guanxi (关系). Errors answer `{ error: { code, message, details } }`, localised by Accept-Language ' +
          '(zh-CN, zh-TW, en). Cookie-authenticated writes need the `x-csrf-token` header.',
        version: '1',
      },
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token, `gx_…`' },
        },
      },
      security: [{ cookieAuth: [] }, { bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // The validator badge would load an image from swagger.io, which the CSP (rightly) refuses.
    uiConfig: { validatorUrl: null, deepLinking: true },
  });
}
