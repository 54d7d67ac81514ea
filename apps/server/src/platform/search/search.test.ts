import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildWidget } from '../../../test/factories/widgets.ts';
import { fixtureEntities } from '../entities/fixture/fixture.entities.ts';
import { haystackOf, queryForms } from './search.text.ts';

type Group = { type: string; items: { id: string; title: string }[] };

describe('global search', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  const ids: Record<string, string> = {};
  const search = async (client: TestClient, q: string, extra = '') => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().groups as Group[];
  };
  const titles = (groups: Group[], type = 'testWidget') => groups.find((g) => g.type === type)?.items.map((i) => i.title) ?? [];

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
    for (const [name, code] of [
      ['北京东区邮政', 'BJ-EAST'],
      ['东区邮政', 'DQ-1'],
      ['上海浦东新区', 'SH-PD'],
      ['重庆长安银行', 'CQ-CA'],
    ]) {
      ids[name!] = (await buildWidget(admin, { name, code })).id;
    }
  });
  afterAll(async () => t?.close());

  it('finds by Chinese substring, full pinyin, initials and mixed input', async () => {
    expect(titles(await search(admin, '东区邮'))).toEqual(['东区邮政', '北京东区邮政']);
    expect(titles(await search(admin, 'dongqu'))).toEqual(['东区邮政', '北京东区邮政']);
    expect(titles(await search(admin, 'bjdq'))).toEqual(['北京东区邮政']);
    expect(titles(await search(admin, 'bj东区'))).toEqual(['北京东区邮政']);
    expect(titles(await search(admin, 'BeiJing Dong'))).toEqual(['北京东区邮政']);
    expect(titles(await search(admin, 'chongqingchangan'))).toEqual(['重庆长安银行']);
    expect(titles(await search(admin, 'bj-east'))).toEqual(['北京东区邮政']);
  });

  it('ranks an exact title first, then a prefix, then a substring', async () => {
    expect(titles(await search(admin, '东区邮政'))).toEqual(['东区邮政', '北京东区邮政']);
  });

  it('follows edits, deletes and restores in the same transaction as the write', async () => {
    const id = ids['上海浦东新区']!;
    await admin.patch(`/api/v1/test-widgets/${id}`, { name: '上海陆家嘴' }, { 'if-match': '1' });
    expect(titles(await search(admin, '浦东新区'))).toEqual([]);
    expect(titles(await search(admin, 'ljz'))).toEqual(['上海陆家嘴']);
    expect((await admin.delete(`/api/v1/test-widgets/${id}`, { 'if-match': '2' })).statusCode).toBe(204);
    expect(titles(await search(admin, 'ljz'))).toEqual([]);
    await admin.post(`/api/v1/test-widgets/${id}/restore`);
    expect(titles(await search(admin, 'ljz'))).toEqual(['上海陆家嘴']);
  });

  it('shows only what the caller may read', async () => {
    const branch = await buildOrgUnit(t.db, { parentId: rootId });
    const role = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'unit' } } });
    const rep = await t.as((await buildUser(t.db, { orgUnitId: branch.id, roleIds: [role.id] })).id);
    await buildWidget(rep, { name: '北京东区分理处' });
    expect(titles(await search(rep, 'bjdq'))).toEqual(['北京东区分理处']);
    expect(titles(await search(admin, 'bjdq')).sort()).toEqual(['北京东区分理处', '北京东区邮政']);
  });

  it('answers 400 for an empty query or an unknown type', async () => {
    expect((await admin.get('/api/v1/search?q=')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/search?q=x&types=spaceship')).statusCode).toBe(400);
    expect(titles(await search(admin, '银行', '&types=testWidgetPart'))).toEqual([]);
  });

  it('stores and queries the forms a Chinese name is typed in', () => {
    expect(haystackOf(['北京东区'])).toBe(['北京东区', 'beijingdongqu', 'bjdq'].join('\u0001'));
    expect(queryForms('bj东区')).toEqual(['bj东区', 'bjdongqu', 'bjdq']);
    expect(queryForms(' 「 ')).toEqual(['「']);
  });
});
