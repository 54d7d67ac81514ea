// HTTP of user administration: list and view users (any signed-in user), create, change, reset passwords
// and manage tokens (administrators).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenListSchema,
  createUserSchema,
  setPasswordSchema,
  updateUserSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userSummarySchema,
  userTokenParamsSchema,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../platform/http/context.ts';
import { versionFromIfMatch } from '../../platform/entities/entity.routes.ts';
import { logSecurityEvent } from '../../platform/auth/securityLog.ts';
import {
  createUser,
  findUsers,
  getUserById,
  listUserTokens,
  resetUserPassword,
  revokeUserToken,
  updateUser,
} from './admin.users.service.ts';

export function registerUserRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  api.get(
    '/v1/users',
    { schema: { tags, querystring: userListQuerySchema, response: { 200: userListSchema } } },
    async (request) => {
      const { active, ...filter } = request.query;
      return findUsers(app.db, requireActor(request), {
        ...filter,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  );

  api.get(
    '/v1/users/:id',
    { schema: { tags, params: userIdParamsSchema, response: { 200: z.union([userSchema, userSummarySchema]) } } },
    async (request, reply) => {
      const user = await getUserById(app.db, requireActor(request), request.params.id);
      if ('version' in user) void reply.header('etag', `"${user.version}"`);
      return user;
    },
  );

  api.post('/v1/users', { schema: { tags, body: createUserSchema, response: { 201: userSchema } } }, async (request, reply) => {
    const user = await createUser(app.db, requireAdmin(request), request.body);
    return reply.status(201).header('etag', `"${user.version}"`).send(user);
  });

  api.patch(
    '/v1/users/:id',
    { schema: { tags, params: userIdParamsSchema, body: updateUserSchema, response: { 200: userSchema } } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const { user, sessionsEnded } = await updateUser(
        app.db,
        actor,
        request.params.id,
        versionFromIfMatch(request),
        request.body,
      );
      if (sessionsEnded) {
        await logSecurityEvent(app.db, request, { kind: 'sessions_ended', detail: { userId: user.id, reason: 'user_changed' } });
      }
      return reply.header('etag', `"${user.version}"`).send(user);
    },
  );

  api.post(
    '/v1/users/:id/password',
    { schema: { tags, params: userIdParamsSchema, body: setPasswordSchema } },
    async (request, reply) => {
      await resetUserPassword(app.db, requireAdmin(request), request.params.id, request.body.password);
      await logSecurityEvent(app.db, request, { kind: 'password_reset', detail: { userId: request.params.id } });
      return reply.status(204).send();
    },
  );

  api.get(
    '/v1/users/:id/tokens',
    { schema: { tags, params: userIdParamsSchema, response: { 200: apiTokenListSchema } } },
    async (request) => {
      requireAdmin(request);
      return { items: await listUserTokens(app.db, request.params.id) };
    },
  );

  api.delete('/v1/users/:id/tokens/:tokenId', { schema: { tags, params: userTokenParamsSchema } }, async (request, reply) => {
    requireAdmin(request);
    await revokeUserToken(app.db, request.params.id, request.params.tokenId);
    await logSecurityEvent(app.db, request, {
      kind: 'token_revoked',
      detail: { tokenId: request.params.tokenId, ownerId: request.params.id },
    });
    return reply.status(204).send();
  });
}
