// The demo's commerce settings after a first start: the letterhead with its logo, the standard roles' discount limits
// (reps 5 %, branch managers 15 %, head office 30 %) and the chain 分公司经理审批 ≤ 20 % → 总部审批.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/harness/testDatabase.ts';
import type { Database } from '../../../platform/db/db.ts';
import { ensureAdministrator } from '../../admin/admin.bootstrap.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import { seedDemoData } from '../../../demo/demo.seed.ts';
import { needsApproval } from '../approvals/approvals.service.ts';
import { getApprovalChain, getDiscountLimits } from './settings.approvals.ts';
import { getCommerceSettings } from './settings.service.ts';

describe('demo commerce settings', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('prints a letterhead with a PNG logo', async () => {
    const settings = await getCommerceSettings(database.db);
    expect(settings).toMatchObject({
      companyName: '关系示范贸易有限公司',
      taxNumber: '91310115MA1K4GX72Q',
      logoType: 'image/png',
    });
    expect(settings.bankAccount).toContain('中国工商银行');
  });

  it('gives the standard roles their limits and climbs 分公司经理 → 总部', async () => {
    const limits = Object.fromEntries((await getDiscountLimits(database.db)).items.map((i) => [i.roleKey, i.maxPercent]));
    expect(limits).toMatchObject({
      sales_rep: '5.00',
      branch_manager: '15.00',
      head_office_manager: '30.00',
      service_agent: null,
    });
    const chain = await getApprovalChain(database.db);
    expect(chain.steps.map((s) => [s.name, s.roleName, s.upToPercent])).toEqual([
      ['分公司经理审批', '分公司经理', '20.00'],
      ['总部审批', '总部经理', null],
    ]);
    const [wang] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'wangfang'));
    const rep = (await loadActor(database.db, wang!.id, { source: 'ui', requestId: null, via: 'session' }))!;
    expect([await needsApproval(database.db, rep, '5'), await needsApproval(database.db, rep, '8')]).toEqual([false, true]);
  });
});
