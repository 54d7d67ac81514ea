// Admin API of the access model: the org-unit tree and roles with their scope matrix. Reading the tree and
// the role list is open to every signed-in user (pickers need them); changing them is for administrators.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOrgUnitSchema, createRoleSchema, updateOrgUnitSchema, updateRoleSchema, ACTIONS, SCOPES } from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../http/context.ts';
import { versionFromIfMatch } from '../entities/entity.routes.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { createOrgUnit, findOrgUnits, getOrgUnitById, updateOrgUnit } from './orgUnits.service.ts';
import { createRole, findRoles, updateRole } from './roles.service.ts';
import { permissionSubjects } from './permissionSubjects.ts';
import { localized } from '../entities/fields.ts';

const idParams = z.object({ id: z.uuid() });
const listQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() }).strict();

export function registerAccessRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get('/v1/org-units', { schema: { querystring: listQuery } }, async (request) => {
    requireActor(request);
    const { includeInactive } = request.query as z.infer<typeof listQuery>;
    return { items: await findOrgUnits(app.db, { includeInactive: includeInactive === 'true' }) };
  });

  app.get('/v1/org-units/:id', { schema: { params: idParams } }, async (request) => {
    requireActor(request);
    return getOrgUnitById(app.db, (request.params as z.infer<typeof idParams>).id);
  });

  app.post('/v1/org-units', { schema: { body: createOrgUnitSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const unit = await app.db.transaction((tx) => createOrgUnit(tx, actor, request.body as z.infer<typeof createOrgUnitSchema>));
    return reply.status(201).header('etag', `"${unit.version}"`).send(unit);
  });

  app.patch('/v1/org-units/:id', { schema: { params: idParams, body: updateOrgUnitSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const version = versionFromIfMatch(request);
    const { id } = request.params as z.infer<typeof idParams>;
    const unit = await app.db.transaction((tx) =>
      updateOrgUnit(tx, actor, id, version, request.body as z.infer<typeof updateOrgUnitSchema>),
    );
    return reply.header('etag', `"${unit.version}"`).send(unit);
  });

  // Record types of the kit, then the modules' other subjects (sales targets), which roles may name too.
  const grantable = () => [...registry.names(), ...permissionSubjects().map(([name]) => name)];

  /** The record types and actions a role can grant, for the scope-matrix editor; `labels` names the non-kit ones. */
  app.get('/v1/roles/matrix', async (request) => {
    requireAdmin(request);
    const labels = Object.fromEntries(permissionSubjects().map(([name, label]) => [name, localized(label, request.locale)]));
    return { recordTypes: ['*', ...grantable()], labels, actions: ACTIONS, scopes: SCOPES };
  });

  app.get('/v1/roles', async (request) => {
    requireActor(request);
    return { items: await findRoles(app.db) };
  });

  app.post('/v1/roles', { schema: { body: createRoleSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const role = await app.db.transaction((tx) =>
      createRole(tx, actor, request.body as z.infer<typeof createRoleSchema>, grantable()),
    );
    return reply.status(201).header('etag', `"${role.version}"`).send(role);
  });

  app.patch('/v1/roles/:id', { schema: { params: idParams, body: updateRoleSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const version = versionFromIfMatch(request);
    const { id } = request.params as z.infer<typeof idParams>;
    const role = await app.db.transaction((tx) =>
      updateRole(tx, actor, id, version, request.body as z.infer<typeof updateRoleSchema>, grantable()),
    );
    return reply.header('etag', `"${role.version}"`).send(role);
  });
}
