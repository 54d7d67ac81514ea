// Demo values of the commerce settings: a letterhead, the discount each standard role may give (reps 5 %, branch
// managers 15 %, head office 30 %) and the chain 分公司经理审批 up to 20 % → 总部审批 without limit.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { roles } from '../../../platform/access/access.schema.ts';
import { approvalSteps, commerceSettings, discountLimits } from '../commerce.schema.ts';
import { demoLogo } from './settings.demoLogo.ts';

const LIMITS: Record<string, string> = { sales_rep: '5.00', branch_manager: '15.00', head_office_manager: '30.00' };

export async function seedDemoSettings(db: DbOrTx): Promise<void> {
  await db
    .update(commerceSettings)
    .set({
      companyName: '关系示范贸易有限公司',
      companyAddress: '上海市浦东新区张江路 1288 号 6 楼',
      companyPhone: '021-5080 1234',
      taxNumber: '91310115MA1K4GX72Q',
      bankAccount: '中国工商银行上海张江支行 1001 2345 0900 0123 456',
      logo: demoLogo(),
      quoteTerms:
        '1. 报价有效期内价格不变，逾期请重新询价。\n2. 付款方式：合同签订后 7 日内支付 30% 预付款，货到验收后 30 日内付清余款。\n3. 交货地点：买方指定地点，运费由卖方承担。',
      updatedAt: new Date(),
    })
    .where(eq(commerceSettings.id, 1));
  const standard = await db
    .select({ id: roles.id, key: roles.key })
    .from(roles)
    .where(inArray(roles.key, [...Object.keys(LIMITS)]));
  const idOf = new Map(standard.map((r) => [r.key, r.id]));
  const limits = standard.map((r) => ({ roleId: r.id, maxPercent: LIMITS[r.key]! }));
  if (limits.length) await db.insert(discountLimits).values(limits).onConflictDoNothing();
  const branch = idOf.get('branch_manager');
  const head = idOf.get('head_office_manager');
  const [chain] = await db.select({ id: approvalSteps.id }).from(approvalSteps).limit(1);
  if (!chain && branch && head)
    await db.insert(approvalSteps).values([
      { position: 1, name: '分公司经理审批', roleId: branch, upToPercent: '20.00' },
      { position: 2, name: '总部审批', roleId: head, upToPercent: null },
    ]);
}
