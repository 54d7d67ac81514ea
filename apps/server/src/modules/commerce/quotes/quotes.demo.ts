// Demo quotes for 王芳's customers from the demo catalogue, written through the same services as the API: a draft with
// the engine's prices and a discount, one at list prices submitted (so approved within any limit) and sent, one
// accepted by the customer, which creates its order, and one at 10 % off waiting for 李娜's approval. Each quote is written in a savepoint, so a step another part does not
// support yet leaves that quote out instead of failing the first start.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../platform/db/db.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { entityRegistry } from '../../../platform/entities/registry.ts';
import { createRecord } from '../../../platform/entities/entity.write.ts';
import type { KitContext } from '../../../platform/entities/entity.read.ts';
import { customerEntities, customerEntity } from '../../customers/customers.entities.ts';
import { salesEntities } from '../../sales/sales.entities.ts';
import { catalogEntities } from '../catalog/catalog.entities.ts';
import { products } from '../catalog/catalog.schema.ts';
import { decideApproval } from '../approvals/approvals.service.ts';
import { quoteEntities, quoteEntity } from './quotes.entities.ts';
import { saveQuoteLines } from './quotes.lines.ts';
import { acceptQuote, sendQuote, submitQuote } from './quotes.flow.ts';

const registry = entityRegistry([...customerEntities, ...salesEntities, ...catalogEntities, ...quoteEntities]);

async function actorOf(db: DbOrTx, username: string): Promise<Actor | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return user ? loadActor(db, user.id, { source: 'import', requestId: null, via: 'system' }) : null;
}

interface DemoQuote {
  /** `atList`: the product's list price as the quote's own price (no discount off list, no approval needed). */
  lines: { sku: string; quantity: string; atList?: boolean; discount?: { kind: 'percent' | 'amount'; value: string } }[];
  totalDiscount?: { kind: 'percent' | 'amount'; value: string };
  steps: ('submit' | 'send' | 'accept')[];
  notes: string;
}

const QUOTES: DemoQuote[] = [
  {
    lines: [
      { sku: 'KD-STD-002', quantity: '500' },
      { sku: 'KD-BOX-001', quantity: '500', discount: { kind: 'percent', value: '5' } },
    ],
    totalDiscount: { kind: 'amount', value: '50.00' },
    steps: [],
    notes: '年度快递合作报价，待确认月发件量。',
  },
  {
    lines: [
      { sku: 'BK-NEWS-001', quantity: '20', atList: true },
      { sku: 'BK-MAG-001', quantity: '10', atList: true },
    ],
    steps: ['submit', 'send'],
    notes: '2026 年度报刊订阅。',
  },
  {
    lines: [
      { sku: 'BOOK-SS-001', quantity: '12', atList: true },
      { sku: 'BOOK-SS-002', quantity: '30', atList: true },
    ],
    steps: ['submit', 'send', 'accept'],
    notes: '图书馆采购。',
  },
  {
    // 10 % off list: above a rep's 5 %, so it waits for 李娜 (分公司经理) in her approvals inbox.
    lines: [{ sku: 'BK-MAG-002', quantity: '5', discount: { kind: 'percent', value: '10' } }],
    steps: ['submit'],
    notes: '老客户续订，申请九折。',
  },
];

async function seedQuote(
  tx: Tx,
  rep: Actor,
  manager: Actor | null,
  customerId: string,
  demo: DemoQuote,
  skus: Map<string, { id: string; listPrice: string }>,
) {
  const ctx: KitContext = { db: tx, actor: rep, registry, descriptor: quoteEntity };
  const quote = await createRecord(ctx, { customerId, notes: demo.notes });
  await saveQuoteLines(ctx, quote.id, quote.version, {
    lines: demo.lines.map((l) => ({
      productId: skus.get(l.sku)!.id,
      quantity: l.quantity,
      ...(l.atList ? { unitPrice: skus.get(l.sku)!.listPrice } : {}),
      ...(l.discount ? { discount: l.discount } : {}),
    })),
    ...(demo.totalDiscount ? { totalDiscount: demo.totalDiscount } : {}),
  });
  for (const step of demo.steps) {
    if (step === 'submit') {
      const submitted = await submitQuote(ctx, quote.id);
      // A quote that goes on to be sent needs its approval; one that stops here waits in the manager's inbox.
      if (submitted.status === 'pendingApproval' && manager && demo.steps.length > 1)
        await decideApproval(tx, manager, { recordType: 'quote', recordId: quote.id, decision: 'approve', comment: '同意。' });
    } else if (step === 'send') await sendQuote(ctx, quote.id);
    // The order comes from the orders part: accepted in its own savepoint, so without it the quote stays sent.
    else await tx.transaction((sp) => acceptQuote({ ...ctx, db: sp }, quote.id)).catch(() => undefined);
  }
}

export async function seedDemoQuotes(db: DbOrTx): Promise<void> {
  const rep = await actorOf(db, 'wangfang');
  if (!rep) return;
  const manager = await actorOf(db, 'lina');
  const c = customerEntity.table;
  const customers = (await db
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.ownerId, rep.userId), isNull(c.deletedAt)))
    .orderBy(asc(c.createdAt), asc(c.id))
    .limit(QUOTES.length)) as { id: string }[];
  const wanted = [...new Set(QUOTES.flatMap((q) => q.lines.map((l) => l.sku)))];
  const skus = new Map(
    (
      await db
        .select({ id: products.id, sku: products.sku, listPrice: products.listPrice })
        .from(products)
        .where(inArray(products.sku, wanted))
    ).map((p) => [p.sku, { id: p.id, listPrice: p.listPrice }]),
  );
  if (wanted.some((sku) => !skus.has(sku))) return;
  for (const [i, demo] of QUOTES.entries()) {
    const customer = customers[i];
    if (!customer) break;
    // A savepoint per quote: a part not written yet (approvals) leaves this quote out, not the whole demo.
    await db.transaction((sp) => seedQuote(sp, rep, manager, customer.id, demo, skus)).catch(() => undefined);
  }
}
