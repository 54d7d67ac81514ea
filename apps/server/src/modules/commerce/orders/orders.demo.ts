// Demo orders: a handful of both order types at various stages — a draft, approved ones waiting in purchase batches,
// one partly shipped, one delivered with its freight, one rush sent straight out — for 王芳's and 刘洋's customers, so
// the order pages, the customer cards and 采购批次 have content. Reps and service agents get no reopen right.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { roles, users } from '../../../platform/access/access.schema.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import { customerEntity } from '../../customers/customers.entities.ts';
import { products } from '../catalog/catalog.schema.ts';
import { REOPEN_SUBJECT } from './orders.access.ts';
import { createOrder, type NewOrderLine } from './orders.create.ts';
import { addExpense } from './orders.expenses.service.ts';
import { addDays } from './orders.stagePlan.ts';
import { lastMomentOf, today } from './orders.progress.ts';
import { orderLines, orders } from './orders.schema.ts';
import { completeStage, startOrder } from './orders.stages.service.ts';

const STANDARD = '01930000-0000-7000-8000-000000000101';
const IMPORT = '01930000-0000-7000-8000-000000000102';

async function actorOf(db: DbOrTx, username: string): Promise<Actor | null> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u ? loadActor(db, u.id, { source: 'import', requestId: null, via: 'system' }) : null;
}

export async function seedDemoOrders(db: DbOrTx): Promise<void> {
  const tx = db as Tx;
  // One after the other: these run in the first start's transaction, on one connection.
  const rep = await actorOf(db, 'wangfang');
  const westRep = await actorOf(db, 'liuyang');
  const manager = await actorOf(db, 'lina');
  if (!rep || !westRep || !manager) return;
  const none = { read: 'none', create: 'none', update: 'none', delete: 'none', assign: 'none', export: 'none' };
  await db
    .update(roles)
    .set({ permissions: sql`${roles.permissions} || ${JSON.stringify({ [REOPEN_SUBJECT]: none })}::jsonb` })
    .where(inArray(roles.key, ['sales_rep', 'service_agent']));

  const t = customerEntity.table;
  const customersOf = async (ownerId: string) =>
    (
      await db
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.ownerId, ownerId), isNull(t.deletedAt)))
        .orderBy(asc(t.createdAt))
        .limit(4)
    ).map((c) => c.id as string);
  const eastCustomers = await customersOf(rep.userId);
  const westCustomers = await customersOf(westRep.userId);
  if (!eastCustomers.length || !westCustomers.length) return;
  const catalogue = await db
    .select({ id: products.id, sku: products.sku, listPrice: products.listPrice, taxRate: products.taxRate })
    .from(products)
    .where(isNull(products.deletedAt));
  const bySku = new Map(catalogue.map((p) => [p.sku, p]));
  const line = (sku: string, quantity: string, percentOff?: string): NewOrderLine | null => {
    const p = bySku.get(sku);
    if (!p) return null;
    return {
      productId: p.id,
      name: '',
      quantity,
      unitPrice: p.listPrice,
      listPrice: p.listPrice,
      taxRate: String(Number(p.taxRate) * 100),
      ...(percentOff ? { discount: { kind: 'percent' as const, value: percentOff } } : {}),
    };
  };
  const lines = (...items: (NewOrderLine | null)[]) => items.filter((l): l is NewOrderLine => l !== null);
  const day = today();
  const make = async (
    actor: Actor,
    customerId: string,
    orderTypeId: string,
    daysAgo: number,
    items: NewOrderLine[],
    extra: { memo?: string; rush?: boolean } = {},
  ) => {
    const { id } = await createOrder(tx, actor, {
      customerId,
      orderTypeId,
      orderDate: addDays(day, -daysAgo),
      lines: items,
      ...extra,
    });
    return id;
  };
  // A history: each order approved and moved on the day it happened, some days ago.
  const dayAgo = (n: number) => ({ day: addDays(day, -n), at: lastMomentOf(addDays(day, -n)) });
  const approve = async (id: string, daysAgo: number) => {
    const [row] = await db.select().from(orders).where(eq(orders.id, id));
    await startOrder(db, manager, row!, '演示：分公司经理审批通过', dayAgo(daysAgo));
  };
  const stage = (
    id: string,
    stageId: string,
    daysAgo: number,
    input: Parameters<typeof completeStage>[4] = {},
    actor = manager,
  ) => completeStage(db, actor, id, stageId, { ...input, occurredOn: addDays(day, -daysAgo) });
  const S = (n: number) => `01930000-0000-7000-8000-0000000001${n}`;

  await make(rep, eastCustomers[0]!, STANDARD, 1, lines(line('BOOK-SS-001', '5'), line('BOOK-SS-002', '20', '5')), {
    memo: '春季图书采购，待确认册数',
  });

  const waiting = await make(
    rep,
    eastCustomers[1]!,
    STANDARD,
    3,
    lines(line('BOOK-SS-003', '30'), line('BOOK-KID-002', '40', '3')),
    {
      memo: '学校图书馆补充',
    },
  );
  await approve(waiting, 2);

  const imported = await make(
    rep,
    eastCustomers[2] ?? eastCustomers[0]!,
    IMPORT,
    6,
    lines(line('BOOK-TEC-003', '12'), line('BOOK-SS-004', '25')),
    {
      memo: '进口原版图书，需报关',
    },
  );
  await approve(imported, 5);

  const shipped = await make(
    rep,
    eastCustomers[0]!,
    STANDARD,
    9,
    lines(line('BOOK-KID-001', '10'), line('BOOK-KID-003', '60', '8')),
  );
  await approve(shipped, 8);
  await stage(shipped, S(12), 5, { note: '中华书局已备齐' });
  const [first] = await db
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(eq(orderLines.orderId, shipped))
    .orderBy(asc(orderLines.position));
  if (first) await stage(shipped, S(13), 3, { note: '第一批发货', lines: [{ orderLineId: first.id, quantity: '6' }] });

  const delivered = await make(
    rep,
    eastCustomers[1]!,
    STANDARD,
    20,
    lines(line('BOOK-TEC-002', '15'), line('KD-BOX-001', '200')),
    {
      memo: '物流培训教材',
    },
  );
  await approve(delivered, 19);
  await stage(delivered, S(12), 16);
  await stage(delivered, S(13), 15, { note: '顺丰发出' });
  await stage(delivered, S(14), 12, { note: '客户已签收' });
  await addExpense(db, manager, delivered, { kind: 'freight', amount: '86.00', note: '顺丰运费' });

  const rush = await make(
    rep,
    eastCustomers[2] ?? eastCustomers[1]!,
    STANDARD,
    2,
    lines(line('BOOK-SS-002', '50'), line('BOOK-MAG-001', '3')),
    {
      memo: '领导急需，加急处理',
      rush: true,
    },
  );
  await approve(rush, 2);

  const west = await make(westRep, westCustomers[0]!, IMPORT, 4, lines(line('AP-ENG-003', '8', '5'), line('AP-BRK-001', '20')), {
    memo: '4S 店季度备件',
  });
  const [westRow] = await db.select().from(orders).where(eq(orders.id, west));
  await startOrder(db, westRep, westRow!, null, dayAgo(4));
}
