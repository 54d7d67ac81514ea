import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildWidget } from '../../../test/factories/widgets.ts';
import { fixtureEntities } from '../entities/fixture/fixture.entities.ts';
import { sql } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { haystackOf, letterPiecesOf, pinyinForms, queryForms, tokensOf } from './search.text.ts';
import { backfillSearchTokens } from './search.backfill.ts';

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
      ['长沙湘江物流', 'CS-XJ'],
      ['厦门航空', 'XM-HK'],
      ['单氏五金', 'SS-WJ'],
      ['曾记茶行', 'ZJ-CH'],
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
    const repUser = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [role.id] });
    const rep = await t.as(repUser.id);
    await buildWidget(rep, { name: '北京东区分理处' });
    expect(titles(await search(rep, 'bjdq'))).toEqual(['北京东区分理处']);
    expect(titles(await search(admin, 'bjdq')).sort()).toEqual(['北京东区分理处', '北京东区邮政']);
    // Two characters go through the token index narrowed to the caller's owners and units — and shares.
    expect(titles(await search(rep, '东区'))).toEqual(['北京东区分理处']);
    expect(titles(await search(rep, 'bj'))).toEqual(['北京东区分理处']);
    const shared = await admin.post(`/api/v1/test-widgets/${ids['东区邮政']!}/shares`, { userId: repUser.id, reason: 'team' });
    expect(shared.statusCode, shared.body).toBeLessThan(300);
    expect(titles(await search(rep, '东区'))).toEqual(['东区邮政', '北京东区分理处']);
  });

  it('answers 400 for an empty query or an unknown type', async () => {
    expect((await admin.get('/api/v1/search?q=')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/search?q=x&types=spaceship')).statusCode).toBe(400);
    expect(titles(await search(admin, '银行', '&types=testWidgetPart'))).toEqual([]);
  });

  it('finds two-character Chinese and two-letter initials through the token index', async () => {
    // 北京东区分理处 is the branch's record of the access test above.
    expect(titles(await search(admin, '东区'))).toEqual(['东区邮政', '北京东区分理处', '北京东区邮政']);
    expect(titles(await search(admin, '银行'))).toEqual(['重庆长安银行']);
    expect(titles(await search(admin, 'bj'))).toEqual(['北京东区分理处', '北京东区邮政']);
    expect(titles(await search(admin, 'DQ'))).toEqual(['东区邮政', '北京东区分理处', '北京东区邮政']);
    // A two-character query is answered by `tokens @> …`, which the GIN index serves, not by a LIKE over everything.
    const [doc] = (await t.db.execute(sql`SELECT tokens FROM search_documents WHERE record_id = ${ids['东区邮政']!}`)).rows as {
      tokens: string[];
    }[];
    expect(doc!.tokens).toEqual(expect.arrayContaining(['东区', 'dq', 'do', 'ng']));
  });

  it('finds common names by the other reading of a polyphonic character too', async () => {
    for (const [q, name] of [
      ['chongqing', '重庆长安银行'],
      ['zhongqing', '重庆长安银行'],
      ['yinhang', '重庆长安银行'],
      ['cqcayh', '重庆长安银行'],
      ['changsha', '长沙湘江物流'],
      ['zhangsha', '长沙湘江物流'],
      ['xiamen', '厦门航空'],
      ['shamen', '厦门航空'],
      ['shanshi', '单氏五金'],
      ['danshi', '单氏五金'],
      ['zengji', '曾记茶行'],
      ['cengji', '曾记茶行'],
    ]) {
      expect(titles(await search(admin, q!)), q).toEqual([name]);
    }
  });

  it('still finds entries written before tokens existed, and the backfill gives them tokens', async () => {
    await t.db.execute(sql`UPDATE search_documents SET tokens = NULL`);
    expect(titles(await search(admin, '东区'))).toEqual(['东区邮政', '北京东区分理处', '北京东区邮政']);
    expect(await backfillSearchTokens(t.db, t.app.entities, { batch: 2 })).toBeGreaterThanOrEqual(8);
    const [left] = (await t.db.execute(sql`SELECT count(*)::int AS n FROM search_documents WHERE tokens IS NULL`)).rows as {
      n: number;
    }[];
    expect(left!.n).toBe(0);
    expect(titles(await search(admin, '东区'))).toEqual(['东区邮政', '北京东区分理处', '北京东区邮政']);
    expect(titles(await search(admin, 'zhongqing'))).toEqual(['重庆长安银行']);
  });

  it('finds a long letter query through its six-letter pieces, anywhere in a name, and by the migration its older entries', async () => {
    expect(titles(await search(admin, 'qingchangan'))).toEqual(['重庆长安银行']);
    expect(titles(await search(admin, 'nganyinhang'))).toEqual(['重庆长安银行']);
    expect(titles(await search(admin, 'xiangjiangwuliu'))).toEqual(['长沙湘江物流']);
    expect(titles(await search(admin, 'xiangjiangwuliuz'))).toEqual([]);
    // Entries indexed before migration 0019 hold two-character tokens only; the migration adds the same letter
    // pieces tokensOf writes, so every entry ends as it would be written today.
    const tokensNow = async () =>
      (
        (await t.db.execute(sql`SELECT record_id, tokens FROM search_documents ORDER BY record_id`)).rows as {
          record_id: string;
          tokens: string[];
        }[]
      ).map((r) => [r.record_id, [...r.tokens].sort()]);
    const written = await tokensNow();
    expect(written.some(([, tokens]) => tokens!.includes('xiangj'))).toBe(true);
    await t.db.execute(sql`UPDATE search_documents SET tokens = ARRAY(SELECT x FROM unnest(tokens) x WHERE x !~ '^[a-z]{6}$')`);
    expect(titles(await search(admin, 'xiangjiangwuliu'))).toEqual([]);
    const migration = await readFile(new URL('../../../migrations/0019_search_letter_pieces.sql', import.meta.url), 'utf8');
    await t.db.execute(sql.raw(migration));
    expect(await tokensNow()).toEqual(written);
    expect(titles(await search(admin, 'xiangjiangwuliu'))).toEqual(['长沙湘江物流']);
  });

  it('treats LIKE wildcards in a short query literally', async () => {
    expect(titles(await search(admin, '%_'))).toEqual([]);
    expect(titles(await search(admin, '_'))).toEqual([]);
  });

  it('reads polyphonic characters in context first, then their other common reading, bounded', () => {
    expect(pinyinForms('重庆').full).toEqual(['chongqing', 'zhongqing']);
    // Asked again (kept from the first time), the same answer, and one the caller may change without harm.
    const again = pinyinForms('重庆');
    again.full.push('changed');
    expect(pinyinForms('重庆').full).toEqual(['chongqing', 'zhongqing']);
    expect(pinyinForms('长沙').full).toEqual(['changsha', 'zhangsha']);
    expect(pinyinForms('行长').full).toEqual(['hangzhang', 'xingzhang', 'hangchang']);
    expect(pinyinForms('银行').full).toEqual(['yinhang', 'yinxing']);
    expect(pinyinForms('厦门').full).toEqual(['xiamen', 'shamen']);
    expect(pinyinForms('单田芳').full).toEqual(['dantianfang', 'shantianfang']);
    expect(pinyinForms('曾国藩').initials).toEqual(['cgf', 'zgf']);
    // 重庆长安银行 has 2 × 2 × 3 readings; only the context one and four single changes are kept.
    const many = pinyinForms('重庆长安银行重庆长安银行');
    expect(many.full).toHaveLength(5);
    expect(many.full[0]).toBe('chongqingchanganyinhangchongqingchanganyinhang');
  });

  it('stores and queries the forms a Chinese name is typed in', () => {
    expect(haystackOf(['北京东区'])).toBe(['北京东区', 'beijingdongqu', 'beijingdongou', 'bjdq', 'bjdo'].join('\u0001'));
    expect(tokensOf(['东区邮', 'dqy'])).toEqual(['东区', '区邮', 'dq', 'qy']);
    // Six-letter pieces of letter runs only: not across the @ or the digits.
    expect(tokensOf(['dongqu@163.com']).filter((x) => x.length === 6)).toEqual(['dongqu']);
    expect(tokensOf(['beijingdq']).filter((x) => x.length === 6)).toEqual(['beijin', 'eijing', 'ijingd', 'jingdq']);
    expect(letterPiecesOf('beijingdongqu')).toEqual(['beijin', 'dongqu']);
    expect(letterPiecesOf('wangfang@example.cn')).toEqual(['wangfa', 'ngfang', 'exampl', 'xample']);
    expect(letterPiecesOf('bjdq')).toEqual([]);
    expect(queryForms('bj东区')).toEqual(['bj东区', 'bjdongqu', 'bjdq']);
    expect(queryForms('东区')).toEqual(['东区']);
    expect(queryForms(' 「 ')).toEqual(['「']);
  });
});
