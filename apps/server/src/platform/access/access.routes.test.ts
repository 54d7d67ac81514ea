import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { fixtureEntities } from '../entities/fixture/fixture.entities.ts';
import { orgUnits } from './access.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';

describe('org units and roles admin API', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
  });
  afterAll(async () => t?.close());

  const create = async (name: string, parentId: string | null) => {
    const res = await admin.post('/api/v1/org-units', { name, parentId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; path: string; depth: number; version: number };
  };

  it('creates units under a parent with a materialised path, and refuses a second head office', async () => {
    const branch = await create('东区分公司', rootId);
    const team = await create('东区销售一组', branch.id);
    expect(team.path).toBe(`${branch.path}${team.id}/`);
    expect(team.depth).toBe(branch.depth + 1);
    const secondRoot = await admin.post('/api/v1/org-units', { name: '另一个总部', parentId: null });
    expect(secondRoot.statusCode).toBe(422);
    expect(secondRoot.json().error.code).toBe('ROOT_ORG_UNIT_EXISTS');
  });

  it('names each bad field of a route-validated body, in the caller’s language', async () => {
    const res = await admin.post('/api/v1/org-units', { name: '', parentId: 'nope', colour: 'red' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; code: string; message: string }[];
    expect(details.map((d) => d.field).sort()).toEqual(['colour', 'name', 'parentId']);
    expect(details.find((d) => d.field === 'colour')).toMatchObject({ code: 'unknown_field', message: 'Unknown field.' });
    expect(details.find((d) => d.field === 'name')?.code).toBe('required');
  });

  it('moves a unit with its whole subtree and refuses to move a unit below itself', async () => {
    const east = await create('东区', rootId);
    const west = await create('西区', rootId);
    const team = await create('东区一组', east.id);
    const squad = await create('东区一组甲班', team.id);
    const cycle = await admin.patch(`/api/v1/org-units/${east.id}`, { parentId: squad.id }, { 'if-match': String(east.version) });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe('ORG_UNIT_CYCLE');
    const moved = await admin.patch(`/api/v1/org-units/${team.id}`, { parentId: west.id }, { 'if-match': String(team.version) });
    expect(moved.statusCode).toBe(200);
    const [squadAfter] = await t.db.select().from(orgUnits).where(eq(orgUnits.id, squad.id));
    expect(squadAfter?.path).toBe(`${west.path}${team.id}/${squad.id}/`);
    expect(squadAfter?.depth).toBe(west.depth + 2);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.recordId, team.id));
    expect(audit.find((a) => a.action === 'update')?.changes).toEqual([{ field: 'parentId', old: east.id, new: west.id }]);
  });

  it('deactivates a unit only when it has no active children or users', async () => {
    const branch = await create('南区', rootId);
    const team = await create('南区一组', branch.id);
    const withChild = await admin.patch(`/api/v1/org-units/${branch.id}`, { active: false }, { 'if-match': '1' });
    expect(withChild.json().error.code).toBe('ORG_UNIT_HAS_ACTIVE_CHILDREN');
    await buildUser(t.db, { orgUnitId: team.id });
    const withUser = await admin.patch(`/api/v1/org-units/${team.id}`, { active: false }, { 'if-match': '1' });
    expect(withUser.json().error.code).toBe('ORG_UNIT_HAS_USERS');
    const empty = await create('北区', rootId);
    const ok = await admin.patch(`/api/v1/org-units/${empty.id}`, { active: false }, { 'if-match': '1' });
    expect(ok.statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/org-units/${empty.id}`, { name: '北区2' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(412);
  });

  it('lets only administrators change the tree and roles', async () => {
    const role = await buildRole(t.db, { permissions: { '*': { read: 'all' } } });
    const user = await buildUser(t.db, { orgUnitId: rootId, roleIds: [role.id] });
    const client = await t.as(user.id);
    expect((await client.get('/api/v1/org-units')).statusCode).toBe(200);
    const res = await client.post('/api/v1/org-units', { name: '越权', parentId: rootId });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ADMIN_REQUIRED');
    expect((await client.post('/api/v1/roles', { key: 'x_role', name: 'x', permissions: {} })).statusCode).toBe(403);
  });

  it('creates and edits roles with a validated scope matrix', async () => {
    const created = await admin.post('/api/v1/roles', {
      key: 'regional_manager',
      name: '区域经理',
      permissions: { testWidget: { read: 'unit-and-below', update: 'unit' } },
    });
    expect(created.statusCode).toBe(201);
    const badScope = await admin.post('/api/v1/roles', {
      key: 'bad_role',
      name: '坏',
      permissions: { testWidget: { read: 'everything' } },
    });
    expect(badScope.statusCode).toBe(400);
    const unknownType = await admin.post('/api/v1/roles', {
      key: 'bad_role2',
      name: '坏2',
      permissions: { spaceship: { read: 'all' } },
    });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error.details[0].field).toBe('permissions.spaceship');
    const updated = await admin.patch(
      `/api/v1/roles/${created.json().id}`,
      { permissions: { testWidget: { read: 'all' } } },
      { 'if-match': '1' },
    );
    expect(updated.json()).toMatchObject({ version: 2, permissions: { testWidget: { read: 'all' } } });
    const matrix = (await admin.get('/api/v1/roles/matrix')).json();
    expect(matrix.recordTypes[0]).toBe('*');
    expect(matrix.recordTypes).toEqual(
      expect.arrayContaining(['customer', 'contact', 'activity', 'lead', 'opportunity', 'testWidget', 'testWidgetPart']),
    );
    // A module's own subject (sales targets, served by its own routes) is grantable too, named for the editor.
    expect(matrix.recordTypes).toContain('salesTarget');
    expect(matrix.labels).toMatchObject({ salesTarget: '销售目标' });
    expect(matrix.labels).not.toHaveProperty('customer');
    const withTargets = await admin.post('/api/v1/roles', {
      key: 'planner',
      name: '计划专员',
      permissions: { salesTarget: { read: 'all', update: 'unit' } },
    });
    expect(withTargets.statusCode, withTargets.body).toBe(201);
  });

  it('never demotes the last administrator role', async () => {
    const roles = (await admin.get('/api/v1/roles')).json().items as { id: string; isAdmin: boolean; version: number }[];
    const adminRoles = roles.filter((r) => r.isAdmin);
    // Demote every administrator role but one; the last must then refuse.
    for (const role of adminRoles.slice(1)) {
      await admin.patch(`/api/v1/roles/${role.id}`, { isAdmin: false }, { 'if-match': String(role.version) });
    }
    const last = adminRoles[0]!;
    const res = await admin.patch(`/api/v1/roles/${last.id}`, { isAdmin: false }, { 'if-match': String(last.version) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LAST_ADMIN');
  });

  it('gives a branch manager the unit and everything below it', async () => {
    const branch = await buildOrgUnit(t.db, { parentId: rootId });
    const team = await buildOrgUnit(t.db, { parentId: branch.id });
    const other = await buildOrgUnit(t.db, { parentId: rootId });
    const managerRole = await buildRole(t.db, {
      permissions: { testWidget: { read: 'unit-and-below', create: 'unit-and-below' } },
    });
    const manager = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [managerRole.id] });
    const teamRep = await buildUser(t.db, { orgUnitId: team.id });
    const outsider = await buildUser(t.db, { orgUnitId: other.id });
    const client = await t.as(manager.id);
    const inTeam = await client.post('/api/v1/test-widgets', { name: '团队的', status: 'draft', ownerId: teamRep.id });
    expect(inTeam.statusCode).toBe(201);
    expect(inTeam.json().orgUnitId).toBe(team.id);
    const outside = await client.post('/api/v1/test-widgets', { name: '外部的', status: 'draft', ownerId: outsider.id });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('SCOPE_VIOLATION');
  });
});
