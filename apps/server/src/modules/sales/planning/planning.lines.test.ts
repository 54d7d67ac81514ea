// Opportunity product lines through the HTTP API: line amounts computed exactly and rounded half up to the fen, the
// opportunity's amount their sum (no other amount accepted while there are lines), bad quantities, prices and
// discounts refused naming the line's field with nothing written, access as the opportunity's; revenue per product
// category in plan vs actual comes from the won deals' lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityLines, PlanVsActual } from '@guanxi/contracts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { buildPlanningWorld, expectCreated, type PlanningWorld } from './planning.testSetup.ts';

describe('opportunity product lines', () => {
  let w: PlanningWorld;
  let opp: { id: string; version: number };
  beforeAll(async () => {
    w = await buildPlanningWorld();
    const customer = await buildCustomer(w.rep1.client, { name: '温州市邮政分局' });
    opp = await expectCreated(
      await w.rep1.client.post('/api/v1/opportunities', { name: '集邮年册', customerId: customer.id, amount: '1.00' }),
    );
  });
  afterAll(async () => w?.t.close());

  const put = (who: PlanningWorld['rep1'], lines: unknown[], version: number) =>
    who.client.put(`/api/v1/opportunities/${opp.id}/lines`, { lines }, { 'if-match': String(version) });

  it('compute each line to the fen and make the amount their sum', async () => {
    const res = await put(
      w.rep1,
      [
        // 3 × 19.99 × 85% = 50.9745 → 50.97; 2.5 × 0.33 = 0.825 → 0.83 (half up)
        { productName: '生肖集邮册', category: '集邮', quantity: '3', unitPrice: '19.99', discountPercent: '15' },
        { productName: '纪念封', category: '集邮', quantity: '2.5', unitPrice: '0.33' },
        { productName: '包装服务', quantity: '1', unitPrice: '0' },
      ],
      opp.version,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as OpportunityLines;
    expect(body.lines.map((l) => [l.position, l.productName, l.quantity, l.unitPrice, l.discountPercent, l.amount])).toEqual([
      [0, '生肖集邮册', '3.0000', '19.99', '15.00', '50.97'],
      [1, '纪念封', '2.5000', '0.33', '0.00', '0.83'],
      [2, '包装服务', '1.0000', '0.00', '0.00', '0.00'],
    ]);
    expect(body).toMatchObject({ amount: '51.80', version: opp.version + 1 });
    const record = (await w.rep1.client.get(`/api/v1/opportunities/${opp.id}`)).json();
    expect(record).toMatchObject({ amount: '51.80', version: opp.version + 1 });
    // The amount follows the lines only: typing another is refused.
    const typed = await w.rep1.client.patch(
      `/api/v1/opportunities/${opp.id}`,
      { amount: '60.00' },
      { 'if-match': String(record.version) },
    );
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details[0]).toMatchObject({ field: 'amount', code: 'AMOUNT_FROM_LINES' });
    opp.version = record.version;
  });

  it('refuse bad lines naming each field, writing nothing; a stale version gets 412', async () => {
    const res = await put(
      w.rep1,
      [
        { productName: '邮票', quantity: '0', unitPrice: '1.001' },
        { productName: '明信片', quantity: '1.00001', unitPrice: '-1', discountPercent: '100.5' },
      ],
      opp.version,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['lines.0.quantity', 'LINE_QUANTITY_NOT_POSITIVE'],
      ['lines.0.unitPrice', 'TOO_MANY_DECIMALS'],
      ['lines.1.quantity', 'QUANTITY_TOO_MANY_DECIMALS'],
      ['lines.1.unitPrice', 'LINE_PRICE_NEGATIVE'],
      ['lines.1.discountPercent', 'LINE_DISCOUNT_RANGE'],
    ]);
    const still = (await w.rep1.client.get(`/api/v1/opportunities/${opp.id}/lines`)).json() as OpportunityLines;
    expect(still).toMatchObject({ amount: '51.80', version: opp.version });
    expect(still.lines).toHaveLength(3);
    const stale = await put(w.rep1, [], opp.version - 1);
    expect(stale.statusCode).toBe(412);
  });

  it('are read and written with the opportunity’s access', async () => {
    expect((await w.westManager.client.get(`/api/v1/opportunities/${opp.id}/lines`)).statusCode).toBe(404);
    expect((await put(w.westManager, [], opp.version)).statusCode).toBe(404);
    expect((await w.rep2.client.get(`/api/v1/opportunities/${opp.id}/lines`)).statusCode).toBe(404);
    const byManager = await put(
      w.eastManager,
      [{ productName: '集邮总册', category: '集邮', quantity: '2', unitPrice: '500.00' }],
      opp.version,
    );
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json()).toMatchObject({ amount: '1000.00' });
    opp.version = byManager.json().version;
  });

  it('give plan vs actual its revenue per product category from won deals’ lines', async () => {
    await put(
      w.rep1,
      [
        { productName: '集邮总册', category: '集邮', quantity: '2', unitPrice: '500.00' },
        { productName: '快递服务', category: '寄递', quantity: '10', unitPrice: '12.50' },
      ],
      opp.version,
    ).then((r) => (opp.version = r.json().version));
    const won = await w.rep1.client.patch(
      `/api/v1/opportunities/${opp.id}`,
      { stageId: w.stage('赢单') },
      { 'if-match': String(opp.version) },
    );
    expect(won.statusCode, won.body).toBe(200);
    const report = async (category?: string) =>
      (
        await w.eastManager.client.get(
          `/api/v1/sales-plan-vs-actual?period=${w.quarter}&orgUnitId=${w.east1.id}${category ? `&category=${encodeURIComponent(category)}` : ''}`,
        )
      ).json() as PlanVsActual;
    expect((await report()).unit.revenue.actual).toBe('1125.00');
    expect((await report('集邮')).unit.revenue.actual).toBe('1000.00');
    expect((await report('寄递')).unit.revenue.actual).toBe('125.00');
  });
});
