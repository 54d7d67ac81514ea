// Demo contracts, written through the kit as their owners in the first start's transaction, with dates relative to
// the day of the first start: 王芳's service contract with 北京东区邮政 ends within 30 days (the renewal reminder job
// tells her at once), her framework contract with 上海博文图书 runs two years, and 李娜's subscription contract with
// 山东省图书馆 ended last month and was renewed by a draft for the next year.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import { entityRegistry } from '../../../platform/entities/registry.ts';
import { createRecord } from '../../../platform/entities/entity.write.ts';
import type { KitContext } from '../../../platform/entities/entity.read.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { customerEntities } from '../../customers/customers.entities.ts';
import { customers } from '../../customers/customers.schema.ts';
import { addDays, addMonths, organisationTimeZone, todayIn } from './contracts.dates.ts';
import { contractEntity } from './contracts.entities.ts';
import { renewContract } from './contracts.service.ts';

const registry = entityRegistry([...customerEntities, contractEntity]);

async function actorOf(db: DbOrTx, username: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const actor = user && (await loadActor(db, user.id, { source: 'import', requestId: null, via: 'system' }));
  if (!actor) throw new Error(`The demo user ${username} must exist before the demo contracts are seeded`);
  return actor;
}

export async function seedDemoContracts(db: DbOrTx): Promise<void> {
  const names = ['北京东区邮政服务有限公司', '上海博文图书进出口有限公司', '山东省图书馆'];
  const rows = await db.select({ id: customers.id, name: customers.name }).from(customers).where(inArray(customers.name, names));
  const customerId = new Map(rows.map((r) => [r.name, r.id]));
  if (customerId.size < names.length) return; // a demo without the hand-written customers
  const today = todayIn(organisationTimeZone());
  const kit = async (username: string): Promise<KitContext> => ({
    db,
    actor: await actorOf(db, username),
    registry,
    descriptor: contractEntity,
  });

  const wangfang = await kit('wangfang');
  const endingSoon = addDays(today, 20);
  const serviceStart = addDays(addMonths(endingSoon, -12), 1);
  await createRecord(wangfang, {
    name: '邮政快递年度服务合同',
    customerId: customerId.get('北京东区邮政服务有限公司'),
    status: 'active',
    customerSignatory: '赵建国',
    ourSignatory: '王芳',
    signedOn: addDays(serviceStart, -7),
    startDate: serviceStart,
    endDate: endingSoon,
    amount: '186000.00',
    paymentTerms: '按季度结算，每季度结束后 15 日内付清当季服务费。',
    terms: '乙方为甲方提供省内及跨省标准快递、特快专递服务，时效与赔付标准见附件一《服务水平协议》。',
  });
  const frameworkStart = addMonths(today, -3);
  await createRecord(wangfang, {
    name: '进口图书采购框架合同',
    customerId: customerId.get('上海博文图书进出口有限公司'),
    status: 'active',
    customerSignatory: '刘文博',
    ourSignatory: '王芳',
    signedOn: frameworkStart,
    startDate: frameworkStart,
    endDate: addDays(addMonths(frameworkStart, 24), -1),
    amount: '520000.00',
    paymentTerms: '每批到货验收合格后 30 日内付款。',
    terms: '框架合同期内按订单执行，单价以双方确认的报价单为准。',
    renewalReminderDays: 60,
  });

  const lina = await kit('lina');
  const subscriptionEnd = addDays(today, -35);
  const subscriptionStart = addDays(addMonths(subscriptionEnd, -12), 1);
  const subscription = await createRecord(lina, {
    name: '报刊年度订阅合同',
    customerId: customerId.get('山东省图书馆'),
    status: 'active',
    customerSignatory: '孙立平',
    ourSignatory: '李娜',
    signedOn: addDays(subscriptionStart, -10),
    startDate: subscriptionStart,
    endDate: subscriptionEnd,
    amount: '48600.00',
    paymentTerms: '合同签订后 15 日内一次性付清全年订阅款。',
    terms: '乙方按附件所列报刊目录按期投递，缺期补投。',
  });
  await renewContract(lina, subscription.id);
}
