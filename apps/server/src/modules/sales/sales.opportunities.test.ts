// Opportunities through the HTTP API: they start in the default pipeline's first stage, take each stage's probability,
// close as won or lost (lost needs a reason), refuse a stage of another pipeline, keep a stage history, and show on
// the board of their pipeline with counts and sums only of what the caller may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Board, Pipeline } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { opportunityStageHistory } from './sales.schema.ts';

describe('opportunities', () => {
  let t: TestApp;
  let admin: TestClient;
  let pipeline: Pipeline;
  let customerId: string;
  let rootId: string;
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
    const res = await admin.get('/api/v1/pipelines');
    pipeline = (res.json().items as Pipeline[]).find((p) => p.isDefault)!;
    customerId = (await buildCustomer(admin, { name: '杭州市图书馆' })).id;
  });
  afterAll(async () => t?.close());

  const create = (fields: Record<string, unknown>) =>
    admin.post('/api/v1/opportunities', { name: '年度图书采购', customerId, amount: '128000.50', ...fields });

  it('start in the default pipeline’s first stage with its probability, and record the stage entered', async () => {
    const res = await create({});
    expect(res.statusCode, res.body).toBe(201);
    const opp = res.json();
    expect(opp).toMatchObject({
      pipelineId: pipeline.id,
      stageId: stage('初步接洽').id,
      probability: 10,
      forecastCategory: 'pipeline',
      amount: '128000.50',
      currency: 'CNY',
      closedAt: null,
      titles: { stageId: '初步接洽', pipelineId: '标准销售流程', customerId: '杭州市图书馆' },
    });
    const history = await t.db.select().from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, opp.id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ stageId: stage('初步接洽').id, leftAt: null });
  });

  it('move through stages: probability follows, won closes, the history has each stage with its time', async () => {
    const opp = (await create({ name: '期刊订阅续约' })).json();
    const moved = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('方案报价').id }, { 'if-match': '1' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ probability: 50, closedAt: null });
    // A probability the rep sets by hand stays until the next stage.
    const tuned = await admin.patch(`/api/v1/opportunities/${opp.id}`, { probability: 60 }, { 'if-match': '2' });
    expect(tuned.json().probability).toBe(60);
    const won = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('赢单').id }, { 'if-match': '3' });
    expect(won.json()).toMatchObject({ probability: 100, forecastCategory: 'closed', closedAt: expect.any(String) });
    const history = await t.db
      .select()
      .from(opportunityStageHistory)
      .where(eq(opportunityStageHistory.opportunityId, opp.id))
      .orderBy(asc(opportunityStageHistory.enteredAt));
    expect(history.map((h) => [h.stageId, h.leftAt === null])).toEqual([
      [stage('初步接洽').id, false],
      [stage('方案报价').id, false],
      [stage('赢单').id, true],
    ]);
    expect(history[1]!.fromStageId).toBe(stage('初步接洽').id);
  });

  it('need a loss reason to close as lost, and reopen without it', async () => {
    const opp = (await create({ name: '数据库采购' })).json();
    const refused = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('输单').id }, { 'if-match': '1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ field: 'lossReason', code: 'LOSS_REASON_REQUIRED' }),
    ]);
    const lost = await admin.patch(
      `/api/v1/opportunities/${opp.id}`,
      { stageId: stage('输单').id, lossReason: 'price' },
      { 'if-match': '1' },
    );
    expect(lost.json()).toMatchObject({ probability: 0, forecastCategory: 'omitted', lossReason: 'price' });
    const reopened = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('商务谈判').id }, { 'if-match': '2' });
    expect(reopened.json()).toMatchObject({ probability: 75, forecastCategory: 'pipeline', lossReason: null, closedAt: null });
  });

  it('keep a deal the rep left out of the forecast out when it moves on, until it closes', async () => {
    const opp = (await create({ name: '暂不预测', forecastCategory: 'omitted' })).json();
    expect(opp.forecastCategory).toBe('omitted');
    const moved = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('需求确认').id }, { 'if-match': '1' });
    expect(moved.json()).toMatchObject({ probability: 25, forecastCategory: 'omitted' });
    const won = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('赢单').id }, { 'if-match': '2' });
    expect(won.json().forecastCategory).toBe('closed');
  });

  it('refuse a stage of another pipeline, an unknown stage and a negative amount, naming the field', async () => {
    const other = await admin.post('/api/v1/pipelines', {
      name: '大客户项目',
      stages: [
        { name: '立项', probability: 20, outcome: 'open' },
        { name: '签约', probability: 100, outcome: 'won' },
        { name: '放弃', probability: 0, outcome: 'lost' },
      ],
    });
    expect(other.statusCode, other.body).toBe(201);
    const foreign = other.json().stages[0].id;
    const opp = (await create({ name: '跨流程' })).json();
    const res = await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: foreign }, { 'if-match': '1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'stageId', code: 'STAGE_NOT_IN_PIPELINE' });
    // Moving to the other pipeline with one of its stages is allowed.
    const switched = await admin.patch(
      `/api/v1/opportunities/${opp.id}`,
      { pipelineId: other.json().id, stageId: foreign },
      { 'if-match': '1' },
    );
    expect(switched.json()).toMatchObject({ pipelineId: other.json().id, probability: 20 });
    const unknown = await create({ stageId: '01930000-0000-7000-8000-0000000000ff' });
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'stageId', code: 'not_found_reference' });
    const negative = await create({ amount: '-5.00' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('amount');
  });

  it('show on the board with counts and sums per stage, only those the caller may read', async () => {
    const branch = await buildOrgUnit(t.db, { parentId: rootId, name: '北区分公司' });
    const role = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'unit', update: 'unit' } } });
    const repUser = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [role.id] });
    const rep = await t.as(repUser.id);
    const own = await buildCustomer(rep, { name: '北区客户' });
    for (const amount of ['100.10', '200.20'])
      expect(
        (await rep.post('/api/v1/opportunities', { name: `北区商机${amount}`, customerId: own.id, amount })).statusCode,
      ).toBe(201);
    const board = (await rep.get(`/api/v1/opportunities/board/${pipeline.id}`)).json() as Board;
    const first = board.columns.find((c) => c.stage.id === stage('初步接洽').id)!;
    expect(first).toMatchObject({ count: 2, amount: '300.30', weighted: '30.03' });
    expect(first.items.map((i) => i.name).sort()).toEqual(['北区商机100.10', '北区商机200.20']);
    expect(board.columns.map((c) => c.stage.name)).toEqual(['初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单']);
    // The admin sees the branch's cards among everyone's; filtered to the branch, only those.
    const filtered = (
      await admin.get(`/api/v1/opportunities/board/${pipeline.id}?filter[orgUnitId][eq]=${branch.id}`)
    ).json() as Board;
    expect(filtered.columns.reduce((n, c) => n + c.count, 0)).toBe(2);
    // Paging one column.
    const page = (
      await rep.get(`/api/v1/opportunities/board/${pipeline.id}?stageId=${stage('初步接洽').id}&limit=1`)
    ).json() as Board;
    expect(page.columns).toHaveLength(1);
    expect(page.columns[0]!.items).toHaveLength(1);
    const next = (
      await rep.get(
        `/api/v1/opportunities/board/${pipeline.id}?stageId=${stage('初步接洽').id}&limit=1&cursor=${page.columns[0]!.nextCursor}`,
      )
    ).json() as Board;
    expect(next.columns[0]!.items[0]!.id).not.toBe(page.columns[0]!.items[0]!.id);
  });

  it('tell the time spent in each stage, to those who may read the deal only', async () => {
    const opp = (await create({ name: '报刊发行合作' })).json();
    await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('需求确认').id }, { 'if-match': '1' });
    await admin.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stage('方案报价').id }, { 'if-match': '2' });
    // Entered 初步接洽 three days ago, moved on after two days, then after a day and an hour; now in 方案报价 for 23 hours.
    const hour = 3_600_000;
    const start = Date.now() - 72 * hour;
    const h = opportunityStageHistory;
    const rows = await t.db.select().from(h).where(eq(h.opportunityId, opp.id)).orderBy(asc(h.enteredAt));
    const times = [start, start + 48 * hour, start + 73 * hour - 24 * hour];
    for (const [i, row] of rows.entries())
      await t.db
        .update(h)
        .set({ enteredAt: new Date(times[i]!), leftAt: i + 1 < rows.length ? new Date(times[i + 1]!) : null })
        .where(eq(h.id, row.id));

    const res = await admin.get(`/api/v1/opportunities/${opp.id}/stage-history`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      stageName: string;
      durationMs: number;
      leftAt: string | null;
      movedBy: { name: string };
    }[];
    expect(items.map((i) => i.stageName)).toEqual(['初步接洽', '需求确认', '方案报价']);
    expect(items[0]!.durationMs).toBe(48 * hour);
    expect(items[1]!.durationMs).toBe(hour);
    expect(items[2]!.leftAt).toBeNull();
    expect(Math.round(items[2]!.durationMs / hour)).toBe(23);
    expect(items[1]!.movedBy).toMatchObject({ name: expect.any(String) });

    // A rep of another branch does not see the deal, nor its history.
    const other = await buildOrgUnit(t.db, { parentId: rootId, name: '南区分公司' });
    const role = await buildRole(t.db, { permissions: { '*': { read: 'unit' } } });
    const outsider = await t.as((await buildUser(t.db, { orgUnitId: other.id, roleIds: [role.id] })).id);
    expect((await outsider.get(`/api/v1/opportunities/${opp.id}/stage-history`)).statusCode).toBe(404);
  });

  it('are found by the global search and listed on the customer', async () => {
    await create({ name: '古籍数字化项目' });
    const found = (await admin.get(`/api/v1/search?q=${encodeURIComponent('古籍')}`)).json();
    expect(found.groups.find((g: { type: string }) => g.type === 'opportunity').items[0].title).toBe('古籍数字化项目');
    const related = (await admin.get(`/api/v1/customers/${customerId}/related/opportunities`)).json();
    expect(related.items.length).toBeGreaterThan(3);
  });
});
