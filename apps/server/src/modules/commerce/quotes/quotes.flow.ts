// What happens to a quote after its lines: submit (approved at once within the caller's discount limit, else
// pendingApproval and a round of the approval chain), the chain's decision (approved / rejected), send, the
// customer's acceptance (an order with the quote's lines, in the same transaction) or refusal, revisions (the next
// revision a draft copy with the same number; the old one superseded and its open approval round cancelled), and
// expiry. Each is a write of the quote's status through writeQuote, so the history shows who did what and when.
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/db.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getRecord, listRecords, type ApiRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import type { ListResponse } from '@guanxi/contracts';
import { customerNames } from '../catalog/catalog.customers.ts';
import { organisationToday } from '../catalog/catalog.pricing.ts';
import {
  cancelApproval,
  needsApproval,
  registerApprovalTarget,
  requestApproval,
  type ApprovalTarget,
} from '../approvals/approvals.service.ts';
import { createOrder } from '../orders/orders.create.ts';
import type { Discount } from '../commerce.quoteMath.ts';
import { quoteEntity } from './quotes.entities.ts';
import { addDays, quoteTitle, readCommerceSettings } from './quotes.hooks.ts';
import { readLines } from './quotes.lines.ts';
import { quoteLines as l, quotes as q } from './quotes.schema.ts';
import { insertQuote, lockQuote, writeQuote, type QuoteRow } from './quotes.write.ts';

const kitOf = (ctx: KitContext): KitContext => ({ ...ctx, descriptor: quoteEntity });

function expectStatus(quote: QuoteRow, allowed: string[]): void {
  if (!allowed.includes(quote.status)) throw new AppError('QUOTE_STATUS', 409, undefined, { status: quote.status });
}

const pastValidity = (quote: QuoteRow) => quote.validUntil !== null && quote.validUntil < organisationToday();

/** draft / rejected → approved (within the caller's limit) or pendingApproval (a new round of the chain). */
export async function submitQuote(ctx: KitContext, id: string): Promise<ApiRecord> {
  const kit = kitOf(ctx);
  const tx = ctx.db as Tx;
  const quote = await lockQuote(kit, id, 'update');
  expectStatus(quote, ['draft', 'rejected']);
  const [lines] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(l)
    .where(eq(l.quoteId, id));
  if (!lines?.n) throw new AppError('QUOTE_NO_LINES', 422);
  if (await needsApproval(tx, ctx.actor, quote.effectiveDiscountPercent)) {
    await writeQuote(tx, ctx.actor, quote, { status: 'pendingApproval', approvedAt: null, approvedBy: null });
    const customer = (await customerNames(tx, [quote.customerId])).get(quote.customerId);
    await requestApproval(tx, ctx.actor, {
      recordType: 'quote',
      recordId: id,
      orgUnitId: quote.orgUnitId,
      discountPercent: quote.effectiveDiscountPercent,
      amount: quote.grossTotal,
      title: [quote.title, customer].filter(Boolean).join(' · '),
      link: `/quotes/${id}`,
    });
  } else await writeQuote(tx, ctx.actor, quote, { status: 'approved', approvedAt: new Date(), approvedBy: ctx.actor.userId });
  return getRecord(kit, id);
}

/** The approval chain's last word on a quote waiting for it. */
export const quoteApprovalTarget: ApprovalTarget = {
  async onDecided(tx, actor, recordId, outcome) {
    const [quote] = await tx.select().from(q).where(eq(q.id, recordId)).for('update');
    if (!quote || quote.status !== 'pendingApproval') return;
    await writeQuote(
      tx,
      actor,
      quote,
      outcome === 'approved'
        ? { status: 'approved', approvedAt: new Date(), approvedBy: actor.userId }
        : { status: 'rejected', approvedAt: null, approvedBy: null },
    );
  },
};
registerApprovalTarget('quote', quoteApprovalTarget);

/** approved → sent (not after its validity date). */
export async function sendQuote(ctx: KitContext, id: string): Promise<ApiRecord> {
  const kit = kitOf(ctx);
  const quote = await lockQuote(kit, id, 'update');
  expectStatus(quote, ['approved']);
  if (pastValidity(quote)) throw new AppError('QUOTE_EXPIRED', 409);
  await writeQuote(ctx.db, ctx.actor, quote, { status: 'sent', sentAt: new Date() });
  return getRecord(kit, id);
}

/** sent → accepted: the order is created from the quote's lines in the same transaction. */
export async function acceptQuote(ctx: KitContext, id: string): Promise<ApiRecord> {
  const kit = kitOf(ctx);
  const tx = ctx.db as Tx;
  const quote = await lockQuote(kit, id, 'update');
  if (quote.status === 'accepted') throw new AppError('QUOTE_ALREADY_ACCEPTED', 409);
  if (quote.status === 'expired' || (quote.status === 'sent' && pastValidity(quote))) throw new AppError('QUOTE_EXPIRED', 409);
  expectStatus(quote, ['sent']);
  const lines = await readLines(tx, id);
  const discount = (kind: string | null, value: string | null): Discount | undefined =>
    kind === 'percent' || kind === 'amount' ? { kind, value: value ?? '0' } : undefined;
  const order = await createOrder(tx, ctx.actor, {
    customerId: quote.customerId,
    contactId: quote.contactId,
    opportunityId: quote.opportunityId,
    quoteId: quote.id,
    rounding: quote.rounding === 'perTotal' ? 'perTotal' : 'perLine',
    prices: quote.prices === 'exclusive' ? 'exclusive' : 'inclusive',
    totalDiscount: discount(quote.totalDiscountKind, quote.totalDiscountValue),
    lines: lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      listPrice: line.listPrice,
      discount: discount(line.discountKind, line.discountValue),
      taxRate: line.taxRate,
      unitCost: line.unitCost,
    })),
  });
  await writeQuote(tx, ctx.actor, quote, { status: 'accepted', acceptedAt: new Date(), orderId: order.id });
  return getRecord(kit, id);
}

/** sent or approved → declined: the customer said no. */
export async function declineQuote(ctx: KitContext, id: string): Promise<ApiRecord> {
  const kit = kitOf(ctx);
  const quote = await lockQuote(kit, id, 'update');
  expectStatus(quote, ['sent', 'approved']);
  await writeQuote(ctx.db, ctx.actor, quote, { status: 'declined' });
  return getRecord(kit, id);
}

/**
 * The next revision: a draft copy of the quote and its lines with the same number, revision + 1, dated today and
 * valid for the settings' days; the quote revised becomes superseded (its open approval round cancelled). The latest
 * revision only: a superseded or accepted one answers 409.
 */
export async function reviseQuote(ctx: KitContext, id: string): Promise<ApiRecord> {
  const kit = kitOf(ctx);
  const tx = ctx.db as Tx;
  const quote = await lockQuote(kit, id, 'update');
  if (quote.status === 'accepted') throw new AppError('QUOTE_ALREADY_ACCEPTED', 409);
  expectStatus(quote, ['draft', 'pendingApproval', 'approved', 'rejected', 'sent', 'declined', 'expired']);
  if (quote.status === 'pendingApproval') await cancelApproval(tx, 'quote', id);
  const settings = await readCommerceSettings(tx);
  const today = organisationToday();
  const revision = quote.revision + 1;
  const next = await insertQuote(tx, ctx.actor, {
    ...quote,
    id: newId(),
    version: 1,
    revision,
    title: quoteTitle(quote.number, revision),
    previousId: quote.id,
    status: 'draft',
    quoteDate: today,
    validUntil: addDays(today, settings.quoteValidityDays),
    approvedAt: null,
    approvedBy: null,
    sentAt: null,
    acceptedAt: null,
    orderId: null,
    createdAt: new Date(),
    createdBy: ctx.actor.userId,
    updatedAt: new Date(),
    updatedBy: ctx.actor.userId,
  });
  const lines = await readLines(tx, id);
  if (lines.length)
    await tx.insert(l).values(lines.map(({ id: _id, quoteId: _quote, ...line }) => ({ ...line, id: newId(), quoteId: next.id })));
  await writeQuote(tx, ctx.actor, quote, { status: 'superseded' });
  return getRecord(kit, next.id);
}

/** Every revision of the quote's number the caller may read, newest first (404 when the quote itself is hidden). */
export async function listRevisions(ctx: KitContext, id: string): Promise<ListResponse<ApiRecord>> {
  const kit = kitOf(ctx);
  await getRecord(kit, id);
  const [row] = await ctx.db.select({ rootId: q.rootId }).from(q).where(eq(q.id, id));
  return listRecords(kit, { sort: '-revision', limit: '100' }, { where: eq(q.rootId, row!.rootId), allowDeleted: false });
}

/** Sent and approved quotes past their validity date become expired (the job; audited as the system). */
export async function expireQuotes(tx: Tx, today = organisationToday()): Promise<number> {
  const due = await tx
    .select()
    .from(q)
    .where(and(inArray(q.status, ['sent', 'approved']), lt(q.validUntil, today), isNull(q.deletedAt)))
    .orderBy(asc(q.id))
    .limit(500)
    .for('update', { skipLocked: true });
  for (const quote of due) await writeQuote(tx, null as Actor | null, quote, { status: 'expired' });
  return due.length;
}
