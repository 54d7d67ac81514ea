// The access matrix: for every registered record type, every role × the caller's relationship to a record
// × every action and read path, the outcome the access model promises. Generated from the registry, so a new
// record type is covered without new test code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableName } from 'drizzle-orm';
import { SCOPES, type Action, type RolePermissions, type Scope } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../harness/testApp.ts';
import { buildOrgUnit, buildRole, buildRootUnit, buildUser } from '../factories/access.ts';
import { buildRecord, sampleValues, standsAlone } from '../factories/records.ts';
import { multipartForm } from '../factories/files.ts';
import { fixtureEntities } from '../../src/platform/entities/fixture/fixture.entities.ts';
import { loadActor } from '../../src/platform/access/actor.ts';
import { scopeFor } from '../../src/platform/access/scopes.ts';
import { recordShares } from '../../src/platform/access/access.schema.ts';
import { STANDARD_ROLES } from '../../src/demo/demo.seed.ts';
import type { EntityDescriptor } from '../../src/platform/entities/descriptor.ts';
import type { Actor } from '../../src/platform/http/context.ts';

/** Where a record sits relative to the caller, who belongs to branch A. */
const RELATIONSHIPS = ['own', 'sameUnit', 'childUnit', 'siblingBranch', 'otherBranch', 'sharedRead', 'sharedEdit'] as const;
type Relationship = (typeof RELATIONSHIPS)[number];

const uniform = (scope: Scope): RolePermissions => ({
  '*': { read: scope, create: scope, update: scope, delete: scope, assign: scope, export: scope },
});
const ROLES: { key: string; permissions: RolePermissions }[] = [
  ...SCOPES.map((scope) => ({ key: `every-${scope}`, permissions: uniform(scope) })),
  ...STANDARD_ROLES.map((r) => ({ key: r.key, permissions: r.permissions })),
];

/** The promise, stated independently of the implementation: may a caller with `scope` reach the record? */
function byScope(scope: Scope, rel: Relationship): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'unit-and-below':
      return rel === 'own' || rel === 'sameUnit' || rel === 'childUnit';
    case 'unit':
      return rel === 'own' || rel === 'sameUnit';
    case 'own':
      return rel === 'own';
    case 'none':
      return false;
  }
}
function allowed(permissions: RolePermissions, type: string, action: Action, rel: Relationship): boolean {
  if (byScope(scopeFor(permissions, type, action), rel)) return true;
  if (action === 'read') return rel === 'sharedRead' || rel === 'sharedEdit';
  if (action === 'update') return rel === 'sharedEdit';
  return false;
}

interface Case {
  role: (typeof ROLES)[number];
  rel: Relationship;
  type: EntityDescriptor;
  recordId: string;
  label: string;
  ownerId: string;
  orgUnitId: string;
}

// Hundreds of requests per test: generous time limits so a loaded CI machine does not fail them.
describe('access matrix', { timeout: 300_000 }, () => {
  let t: TestApp;
  const clients = new Map<string, TestClient>();
  const userIds = new Map<string, string>();
  const cases: Case[] = [];

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    const db = t.db;
    const hq = await buildRootUnit(db);
    const branchA = await buildOrgUnit(db, { parentId: hq.id, name: '甲分公司' });
    const teamA = await buildOrgUnit(db, { parentId: branchA.id, name: '甲分公司一组' });
    const branchB = await buildOrgUnit(db, { parentId: hq.id, name: '乙分公司' });
    const teamB = await buildOrgUnit(db, { parentId: branchB.id, name: '乙分公司一组' });
    const adminRole = await buildRole(db, { isAdmin: true, permissions: uniform('all') });
    const admin = await buildUser(db, { orgUnitId: hq.id, roleIds: [adminRole.id] });
    const adminActor = (await loadActor(db, admin.id, { source: 'api', requestId: null, via: 'system' })) as Actor;
    const colleague = await buildUser(db, { orgUnitId: branchA.id });
    const teamMember = await buildUser(db, { orgUnitId: teamA.id });
    const branchBUser = await buildUser(db, { orgUnitId: branchB.id });
    const teamBUser = await buildUser(db, { orgUnitId: teamB.id });
    const place: Record<Exclude<Relationship, 'own'>, { ownerId: string; orgUnitId: string }> = {
      sameUnit: { ownerId: colleague.id, orgUnitId: branchA.id },
      childUnit: { ownerId: teamMember.id, orgUnitId: teamA.id },
      siblingBranch: { ownerId: branchBUser.id, orgUnitId: branchB.id },
      otherBranch: { ownerId: teamBUser.id, orgUnitId: teamB.id },
      sharedRead: { ownerId: teamBUser.id, orgUnitId: teamB.id },
      sharedEdit: { ownerId: branchBUser.id, orgUnitId: branchB.id },
    };

    for (const role of ROLES) {
      const roleRow = await buildRole(db, { key: `m_${role.key.replace(/-/g, '_')}`, permissions: role.permissions });
      const user = await buildUser(db, { orgUnitId: branchA.id, roleIds: [roleRow.id] });
      clients.set(role.key, await t.as(user.id));
      userIds.set(role.key, user.id);
      for (const type of t.app.entities.all()) {
        for (const rel of RELATIONSHIPS) {
          const label = `${type.name}#${role.key}#${rel}#`;
          const owner = rel === 'own' ? { ownerId: user.id, orgUnitId: branchA.id } : place[rel];
          const record = await buildRecord(db, t.app.entities, adminActor, type, { label, ...owner });
          if (rel === 'sharedRead' || rel === 'sharedEdit') {
            await db.insert(recordShares).values({
              recordType: type.name,
              recordId: record.id,
              userId: user.id,
              access: rel === 'sharedEdit' ? 'edit' : 'read',
            });
          }
          cases.push({ role, rel, type, recordId: record.id, label, ...owner });
        }
      }
    }
  }, 300_000);
  afterAll(async () => t?.close());

  const base = (c: Case) => `/api/v1/${c.type.plural}`;
  const client = (c: Case) => clients.get(c.role.key)!;
  const name = (c: Case) => `${c.type.name} / ${c.role.key} / ${c.rel}`;

  it('get: visible records answer 200 with the caller’s rights, hidden ones 404', async () => {
    for (const c of cases) {
      const res = await client(c).get(`${base(c)}/${c.recordId}`);
      expect(res.statusCode, name(c)).toBe(allowed(c.role.permissions, c.type.name, 'read', c.rel) ? 200 : 404);
      if (res.statusCode === 200) {
        // The rights the UI shows as buttons must match what the server then allows.
        // The matrix's records are fresh (drafts): their state takes nothing away, so edit is the update right.
        expect(res.json().access, `rights ${name(c)}`).toEqual({
          update: allowed(c.role.permissions, c.type.name, 'update', c.rel),
          edit: allowed(c.role.permissions, c.type.name, 'update', c.rel),
          delete: allowed(c.role.permissions, c.type.name, 'delete', c.rel),
          assign: allowed(c.role.permissions, c.type.name, 'assign', c.rel),
        });
      }
    }
  });

  it('list, list search, global search, history and related lists show exactly the visible records', async () => {
    for (const c of cases) {
      const visible = allowed(c.role.permissions, c.type.name, 'read', c.rel);
      const listed = await client(c).get(`${base(c)}?filter[id][eq]=${c.recordId}`);
      expect(listed.statusCode, name(c)).toBe(200);
      expect(listed.json().items.length, `list ${name(c)}`).toBe(visible ? 1 : 0);
      const searched = await client(c).get(`${base(c)}?q=${encodeURIComponent(c.label)}`);
      expect(
        searched.json().items.map((i: { id: string }) => i.id),
        `search ${name(c)}`,
      ).toEqual(visible ? [c.recordId] : []);
      const global = await client(c).get(`/api/v1/search?q=${encodeURIComponent(c.label)}&types=${c.type.name}`);
      const found = (global.json().groups as { items: { id: string }[] }[]).flatMap((g) => g.items.map((i) => i.id));
      expect(found, `global search ${name(c)}`).toEqual(visible ? [c.recordId] : []);
      const history = await client(c).get(`${base(c)}/${c.recordId}/history`);
      expect(history.statusCode, `history ${name(c)}`).toBe(visible ? 200 : 404);
      for (const relation of Object.keys(c.type.relations ?? {})) {
        const related = await client(c).get(`${base(c)}/${c.recordId}/related/${relation}`);
        expect(related.statusCode, `related ${relation} ${name(c)}`).toBe(visible ? 200 : 404);
      }
    }
  });

  it('export contains a record only with both read and export rights', async () => {
    for (const c of cases) {
      const res = await client(c).get(`${base(c)}/export?filter[id][eq]=${c.recordId}`);
      if (scopeFor(c.role.permissions, c.type.name, 'export') === 'none') {
        expect(res.statusCode, name(c)).toBe(403);
        continue;
      }
      expect(res.statusCode, `${name(c)} ${res.body.slice(0, 300)}`).toBe(200);
      const expected =
        allowed(c.role.permissions, c.type.name, 'read', c.rel) && allowed(c.role.permissions, c.type.name, 'export', c.rel);
      expect(res.body.includes(c.recordId), `export ${name(c)}`).toBe(expected);
    }
  });

  it('background export (POST /exports) holds a record only with both read and export rights', async () => {
    const groups = new Map<string, Case[]>();
    for (const c of cases) groups.set(`${c.role.key}/${c.type.name}`, [...(groups.get(`${c.role.key}/${c.type.name}`) ?? []), c]);
    for (const group of groups.values()) {
      const first = group[0]!;
      const res = await client(first).post('/api/v1/exports', { recordType: first.type.name, format: 'csv' });
      if (scopeFor(first.role.permissions, first.type.name, 'export') === 'none') {
        expect(res.statusCode, name(first)).toBe(403);
        continue;
      }
      expect(res.statusCode, `${name(first)} ${res.body.slice(0, 300)}`).toBe(202);
      await t.app.jobs.tick();
      const file = await client(first).get(`/api/v1/exports/${res.json().id}/file`);
      expect(file.statusCode, name(first)).toBe(200);
      for (const c of group) {
        const expected =
          allowed(c.role.permissions, c.type.name, 'read', c.rel) && allowed(c.role.permissions, c.type.name, 'export', c.rel);
        expect(file.body.includes(c.recordId), `background export ${name(c)}`).toBe(expected);
      }
    }
  });

  it('import (POST /imports) needs the create right on the record type', async () => {
    for (const role of ROLES) {
      for (const type of t.app.entities.all()) {
        const form = multipartForm(
          { recordType: type.name },
          { name: 'a.csv', content: `${type.titleField}\r\n导入#${role.key}\r\n` },
        );
        const res = await clients
          .get(role.key)!
          .request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
        expect(res.statusCode, `import ${type.name} ${role.key}`).toBe(
          scopeFor(role.permissions, type.name, 'create') === 'none' ? 403 : 201,
        );
      }
    }
  });

  it('update, bulk update and assign: 404 when hidden, 403 when visible but not allowed', async () => {
    const expectedStatus = (c: Case, action: Action, ok: number) =>
      !allowed(c.role.permissions, c.type.name, 'read', c.rel)
        ? 404
        : allowed(c.role.permissions, c.type.name, action, c.rel)
          ? ok
          : 403;
    // The title, or the first text field a caller may write when the title is computed (a quote's Q2026-000001 v1).
    const titleField = (c: Case) =>
      !c.type.fields[c.type.titleField]?.readOnly
        ? c.type.titleField
        : Object.entries(c.type.fields).find(([, f]) => !f.readOnly && (f.type === 'text' || f.type === 'longText'))![0];
    for (const c of cases) {
      const version = String(await versionOf(c));
      const res = await client(c).patch(`${base(c)}/${c.recordId}`, { [titleField(c)]: `${c.label}改` }, { 'if-match': version });
      expect(res.statusCode, `update ${name(c)}`).toBe(expectedStatus(c, 'update', 200));
      const bulk = await client(c).post(`${base(c)}/bulk-update`, {
        ids: [c.recordId],
        changes: { [titleField(c)]: `${c.label}批` },
      });
      expect(bulk.json().results[0].status, `bulk ${name(c)}`).toBe(expectedStatus(c, 'update', 200));
      const assign = await client(c).post(`${base(c)}/${c.recordId}/assign`, { ownerId: userIds.get(c.role.key) });
      expect(assign.statusCode, `assign ${name(c)}`).toBe(expectedStatus(c, 'assign', 200));
      // Put the record back where it was, so the later checks still see the relationship under test.
      await t.database.pool.query(`UPDATE ${getTableName(c.type.table)} SET owner_id = $2, org_unit_id = $3 WHERE id = $1`, [
        c.recordId,
        c.ownerId,
        c.orgUnitId,
      ]);
    }
  });

  // Identifiers are not a record type of their own: they are reached through their customer and follow its rights.
  it('customer identifiers: listed when the customer is visible, added only with the right to edit it', async () => {
    for (const c of cases.filter((x) => x.type.name === 'customer')) {
      const read = allowed(c.role.permissions, 'customer', 'read', c.rel);
      const url = `${base(c)}/${c.recordId}/identifiers`;
      expect((await client(c).get(url)).statusCode, `list identifiers ${name(c)}`).toBe(read ? 200 : 404);
      const added = await client(c).post(url, { type: 'externalId', value: c.label });
      const update = allowed(c.role.permissions, 'customer', 'update', c.rel);
      expect(added.statusCode, `add identifier ${name(c)}`).toBe(!read ? 404 : update ? 201 : 403);
    }
  });

  it('delete: 404 when hidden, 403 when visible but not allowed, 204 otherwise', async () => {
    for (const c of cases) {
      const res = await client(c).delete(`${base(c)}/${c.recordId}`, { 'if-match': String(await versionOf(c)) });
      const read = allowed(c.role.permissions, c.type.name, 'read', c.rel);
      expect(res.statusCode, `delete ${name(c)}`).toBe(
        !read ? 404 : allowed(c.role.permissions, c.type.name, 'delete', c.rel) ? 204 : 403,
      );
    }
  });

  it('create: the owner must be inside the create scope', async () => {
    for (const role of ROLES) {
      for (const type of t.app.entities.all().filter(standsAlone)) {
        const res = await clients.get(role.key)!.post(`/api/v1/${type.plural}`, sampleValues(type, `新建#${role.key}`));
        expect(res.statusCode, `create own ${type.name} ${role.key}`).toBe(
          byScope(scopeFor(role.permissions, type.name, 'create'), 'own') ? 201 : 403,
        );
        if (res.statusCode === 201) expect(res.json().ownerId).toBe(userIds.get(role.key));
      }
    }
  });

  async function versionOf(c: Case) {
    const { rows } = await t.database.pool.query<{ version: number }>(
      `SELECT version FROM ${getTableName(c.type.table)} WHERE id = $1`,
      [c.recordId],
    );
    return rows[0]!.version;
  }
});
