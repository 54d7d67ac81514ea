import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildOrgUnit, buildRole, buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { fixtureEntities } from '../entities/fixture/fixture.entities.ts';

describe('saved list views', () => {
  let t: TestApp;
  let branchManager: TestClient;
  let teamRep: TestClient;
  let otherBranchRep: TestClient;
  let teamId: string;
  let otherBranchId: string;
  const definition = { filters: { 'filter[status][eq]': 'active' }, sort: '-amount', columns: ['name', 'amount', 'ownerId'] };

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    const hq = await buildRootUnit(t.db);
    const branch = await buildOrgUnit(t.db, { parentId: hq.id });
    const team = await buildOrgUnit(t.db, { parentId: branch.id });
    const other = await buildOrgUnit(t.db, { parentId: hq.id });
    teamId = team.id;
    otherBranchId = other.id;
    const reader = await buildRole(t.db, { permissions: { '*': { read: 'unit-and-below' } } });
    branchManager = await t.as((await buildUser(t.db, { orgUnitId: branch.id, roleIds: [reader.id] })).id);
    teamRep = await t.as((await buildUser(t.db, { orgUnitId: team.id, roleIds: [reader.id] })).id);
    otherBranchRep = await t.as((await buildUser(t.db, { orgUnitId: other.id, roleIds: [reader.id] })).id);
  });
  afterAll(async () => t?.close());

  it('keeps a private view to its owner and makes it their default', async () => {
    const res = await teamRep.post('/api/v1/saved-views', {
      recordType: 'testWidget',
      name: '我的启用部件',
      definition,
      makeDefault: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '我的启用部件',
      isDefault: true,
      editable: true,
      sharedOrgUnitId: null,
      definition,
    });
    const mine = (await teamRep.get('/api/v1/saved-views?recordType=testWidget')).json().items;
    expect(mine.map((v: { name: string }) => v.name)).toEqual(['我的启用部件']);
    const theirs = (await branchManager.get('/api/v1/saved-views?recordType=testWidget')).json().items;
    expect(theirs).toEqual([]);
  });

  it('shows a view shared with a branch to everyone in the branch and below, read-only, and not to other branches', async () => {
    const branchId = (await branchManager.get('/api/v1/auth/me')).json().user.orgUnitId;
    const res = await branchManager.post('/api/v1/saved-views', {
      recordType: 'testWidget',
      name: '分公司大单',
      sharedOrgUnitId: branchId,
      definition,
    });
    expect(res.statusCode).toBe(201);
    const seenByTeam = (await teamRep.get('/api/v1/saved-views?recordType=testWidget')).json().items;
    expect(seenByTeam.find((v: { name: string }) => v.name === '分公司大单')).toMatchObject({
      editable: false,
      isDefault: false,
    });
    expect((await otherBranchRep.get('/api/v1/saved-views?recordType=testWidget')).json().items).toEqual([]);
    const edit = await teamRep.patch(`/api/v1/saved-views/${res.json().id}`, { name: '改名' }, { 'if-match': '1' });
    expect(edit.statusCode).toBe(403);
    const hidden = await otherBranchRep.patch(`/api/v1/saved-views/${res.json().id}`, { name: '改名' }, { 'if-match': '1' });
    expect(hidden.statusCode).toBe(404);
    expect((await teamRep.put(`/api/v1/saved-views/${res.json().id}/default`, undefined)).statusCode).toBe(204);
    const defaults = (await teamRep.get('/api/v1/saved-views?recordType=testWidget'))
      .json()
      .items.filter((v: { isDefault: boolean }) => v.isDefault);
    expect(defaults.map((v: { name: string }) => v.name)).toEqual(['分公司大单']);
  });

  it('refuses sharing outside the sharer’s own subtree', async () => {
    const res = await teamRep.post('/api/v1/saved-views', {
      recordType: 'testWidget',
      name: '越权分享',
      sharedOrgUnitId: otherBranchId,
      definition,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SCOPE_VIOLATION');
    const own = await teamRep.post('/api/v1/saved-views', {
      recordType: 'testWidget',
      name: '组内分享',
      sharedOrgUnitId: teamId,
      definition,
    });
    expect(own.statusCode).toBe(201);
  });

  it('checks the definition like a list request and the record type against the caller’s rights', async () => {
    const badFilter = await teamRep.post('/api/v1/saved-views', {
      recordType: 'testWidget',
      name: '坏',
      definition: { filters: { 'filter[colour][eq]': 'red' } },
    });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.details[0].field).toBe('filter[colour][eq]');
    const badColumn = await teamRep.post('/api/v1/saved-views', {
      recordType: 'testWidget',
      name: '坏',
      definition: { columns: ['colour'] },
    });
    expect(badColumn.json().error.details[0].field).toBe('definition.columns');
    const badType = await teamRep.post('/api/v1/saved-views', { recordType: 'spaceship', name: '坏', definition: {} });
    expect(badType.json().error.details[0].field).toBe('recordType');
  });

  it('updates with If-Match and deletes', async () => {
    const created = (await teamRep.post('/api/v1/saved-views', { recordType: 'testWidget', name: '临时', definition })).json();
    const stale = await teamRep.patch(`/api/v1/saved-views/${created.id}`, { name: '临时2' }, { 'if-match': '7' });
    expect(stale.statusCode).toBe(412);
    const ok = await teamRep.patch(
      `/api/v1/saved-views/${created.id}`,
      { name: '临时2', definition: { ...definition, sort: 'name' } },
      { 'if-match': '1' },
    );
    expect(ok.json()).toMatchObject({ name: '临时2', version: 2, definition: { sort: 'name' } });
    expect((await teamRep.delete(`/api/v1/saved-views/${created.id}`, { 'if-match': '2' })).statusCode).toBe(204);
    const names = (await teamRep.get('/api/v1/saved-views?recordType=testWidget'))
      .json()
      .items.map((v: { name: string }) => v.name);
    expect(names).not.toContain('临时2');
  });
});
