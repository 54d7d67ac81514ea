// An opportunity's product lines: free lines (product name, quantity, unit price, discount) whose amounts are computed
// exactly and rounded half up to the fen; while an opportunity has lines its amount is their sum (the opportunity
// hook refuses any other amount). Read and written with the opportunity's own access rights.
import { asc, eq, sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { ErrorDetail, OpportunityLineInput, OpportunityLines } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { AppError, staleVersion, validationFailed } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { getRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import { updateRecord } from '../../../platform/entities/entity.write.ts';
import { opportunities as o } from '../sales.schema.ts';
import { opportunityLines as l } from './planning.schema.ts';

/** Enough digits for quantity × price × discount of the largest values the columns hold, before rounding. */
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const LIMIT = new Exact('1e16');

function parse(raw: string | undefined, field: string, details: ErrorDetail[]): Decimal | null {
  if (raw === undefined) return null;
  try {
    const value = new Exact(raw);
    if (value.isFinite()) return value;
  } catch {
    // reported below
  }
  details.push({ field, code: 'invalid_value', message: 'invalid_value' });
  return null;
}

/** A line's amount: quantity × unit price × (1 − discount ÷ 100), rounded half up to the fen. */
export function lineAmount(quantity: Decimal.Value, unitPrice: Decimal.Value, discountPercent: Decimal.Value = 0): string {
  return new Exact(quantity)
    .times(unitPrice)
    .times(new Exact(100).minus(discountPercent))
    .div(100)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

interface CheckedLine {
  productName: string;
  productId: string | null;
  category: string | null;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  amount: string;
}

/** Every line checked at once, so the caller learns every bad field (`lines.2.quantity`) in one answer. */
export function checkLines(lines: OpportunityLineInput[]): { lines: CheckedLine[]; total: string } {
  const details: ErrorDetail[] = [];
  const bad = (field: string, code: string) => details.push({ field, code, message: code });
  const checked: CheckedLine[] = [];
  let total = new Exact(0);
  lines.forEach((line, i) => {
    const at = `lines.${i}.`;
    const quantity = parse(line.quantity, `${at}quantity`, details);
    const unitPrice = parse(line.unitPrice, `${at}unitPrice`, details);
    const discount = parse(line.discountPercent ?? '0', `${at}discountPercent`, details);
    if (quantity && !quantity.gt(0)) bad(`${at}quantity`, 'LINE_QUANTITY_NOT_POSITIVE');
    else if (quantity && quantity.decimalPlaces() > 4) bad(`${at}quantity`, 'QUANTITY_TOO_MANY_DECIMALS');
    else if (quantity && quantity.gte(1e14)) bad(`${at}quantity`, 'VALUE_TOO_BIG');
    if (unitPrice && unitPrice.isNegative() && !unitPrice.isZero()) bad(`${at}unitPrice`, 'LINE_PRICE_NEGATIVE');
    else if (unitPrice && unitPrice.decimalPlaces() > 2) bad(`${at}unitPrice`, 'TOO_MANY_DECIMALS');
    else if (unitPrice && unitPrice.gte(LIMIT)) bad(`${at}unitPrice`, 'VALUE_TOO_BIG');
    if (discount && (discount.isNegative() || discount.gt(100)) && !discount.isZero())
      bad(`${at}discountPercent`, 'LINE_DISCOUNT_RANGE');
    else if (discount && discount.decimalPlaces() > 2) bad(`${at}discountPercent`, 'TOO_MANY_DECIMALS');
    if (details.length || !quantity || !unitPrice || !discount) return;
    const amount = lineAmount(quantity, unitPrice, discount);
    if (new Exact(amount).gte(LIMIT)) return void bad(`${at}quantity`, 'VALUE_TOO_BIG');
    total = total.plus(amount);
    checked.push({
      productName: line.productName,
      productId: line.productId ?? null,
      category: line.category?.trim() || null,
      quantity: quantity.toFixed(4),
      unitPrice: unitPrice.toFixed(2),
      discountPercent: discount.toFixed(2),
      amount,
    });
  });
  if (!details.length && total.gte(LIMIT)) bad('lines', 'VALUE_TOO_BIG');
  if (details.length) throw validationFailed(details);
  return { lines: checked, total: total.toFixed(2) };
}

async function readLines(db: DbOrTx, opportunityId: string) {
  return db.select().from(l).where(eq(l.opportunityId, opportunityId)).orderBy(asc(l.position));
}

function toApi(
  opportunity: { id: string; version: number; amount?: unknown },
  rows: Awaited<ReturnType<typeof readLines>>,
): OpportunityLines {
  return {
    opportunityId: opportunity.id,
    version: opportunity.version,
    amount: (opportunity.amount as string | null) ?? null,
    lines: rows.map((r) => ({
      id: r.id,
      position: r.position,
      productName: r.productName,
      productId: r.productId,
      category: r.category,
      quantity: r.quantity,
      unitPrice: r.unitPrice,
      discountPercent: r.discountPercent,
      amount: r.amount,
    })),
  };
}

/** `ctx` is the opportunity type's kit context: the opportunity must be readable (else 404). */
export async function getOpportunityLines(ctx: KitContext, opportunityId: string): Promise<OpportunityLines> {
  const opportunity = await getRecord(ctx, opportunityId);
  return toApi(opportunity, await readLines(ctx.db, opportunityId));
}

/** Replaces the lines (in a transaction: `ctx.db` is it); the amount becomes their sum when there are any. */
export async function saveOpportunityLines(
  ctx: KitContext,
  opportunityId: string,
  expectedVersion: number,
  input: OpportunityLineInput[],
): Promise<OpportunityLines> {
  const { db, actor } = ctx;
  const current = await getRecord(ctx, opportunityId);
  const access = current.access as { update: boolean } | undefined;
  if (!access?.update) throw new AppError('FORBIDDEN', 403);
  const [locked] = await db.select({ version: o.version, amount: o.amount }).from(o).where(eq(o.id, opportunityId)).for('update');
  if (!locked || locked.version !== expectedVersion) throw staleVersion(await getRecord(ctx, opportunityId));
  const { lines, total } = checkLines(input);
  const before = await readLines(db, opportunityId);
  await db.delete(l).where(eq(l.opportunityId, opportunityId));
  if (lines.length) await db.insert(l).values(lines.map((line, position) => ({ ...line, opportunityId, position })));
  const amountChanges = lines.length && (locked.amount === null || !new Decimal(locked.amount).eq(total));
  if (amountChanges) await updateRecord(ctx, opportunityId, expectedVersion, { amount: total }, { reread: false });
  else
    await db
      .update(o)
      .set({ version: sql`${o.version} + 1`, updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(o.id, opportunityId));
  const summary = (rows: { productName: string; quantity: string; unitPrice: string; discountPercent: string }[]) =>
    rows.map(
      (r) =>
        `${r.productName} × ${new Decimal(r.quantity).toString()} @ ${r.unitPrice} −${new Decimal(r.discountPercent).toString()}%`,
    );
  await recordAudit(db, actor, {
    recordType: 'opportunity',
    recordId: opportunityId,
    action: 'update',
    changes: [{ field: 'lines', old: summary(before), new: summary(lines) }],
  });
  return getOpportunityLines(ctx, opportunityId);
}

/**
 * For the opportunity hook: with lines, the amount may only be their sum. Returns the refusal, or null when the
 * amount is allowed (no lines, or it equals their sum).
 */
export async function amountAgainstLines(db: DbOrTx, opportunityId: string, amount: unknown): Promise<ErrorDetail | null> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(${l.amount}), 0)::text` })
    .from(l)
    .where(eq(l.opportunityId, opportunityId));
  if (!row?.count) return null;
  if (amount !== null && amount !== undefined && new Decimal(String(amount)).eq(row.total)) return null;
  return { field: 'amount', code: 'AMOUNT_FROM_LINES', message: 'AMOUNT_FROM_LINES' };
}
