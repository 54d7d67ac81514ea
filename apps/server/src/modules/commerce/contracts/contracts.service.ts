// The contract's actions beyond the kit's create and update: a contract from an approved, sent or accepted quote (one per
// quote, whatever its revision), and renewal — a new draft for the term after the end date, the old one 已续签.
// Both write through the kit (access, hooks, audit, search) in the caller's transaction.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { getRecord, type ApiRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import { createRecord, updateRecord } from '../../../platform/entities/entity.write.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { quotes } from '../quotes/quotes.schema.ts';
import { organisationTimeZone, renewalTerm, todayIn } from './contracts.dates.ts';
import { RENEWABLE } from './contracts.options.ts';
import { contracts } from './contracts.schema.ts';

/** Quote statuses a contract may be made from. */
const CONTRACTABLE = ['approved', 'sent', 'accepted'];

/** Sets a field the caller may not write (where the contract came from) and records it in the contract's history. */
async function setOrigin(ctx: KitContext, id: string, field: 'quoteId' | 'renewedFromId', value: string): Promise<void> {
  await ctx.db
    .update(contracts)
    .set({ [field]: value })
    .where(eq(contracts.id, id));
  await recordAudit(ctx.db, ctx.actor, {
    recordType: 'contract',
    recordId: id,
    action: 'update',
    changes: [{ field, old: null, new: value }],
  });
}

/** The live contract made from any revision of the quote `rootId`. */
async function contractOfQuote(db: DbOrTx, rootId: string): Promise<string | undefined> {
  const revisions = db.select({ id: quotes.id }).from(quotes).where(eq(quotes.rootId, rootId));
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(inArray(contracts.quoteId, revisions), isNull(contracts.deletedAt)))
    .limit(1);
  return row?.id;
}

export interface FromQuoteInput {
  name?: string;
  startDate?: string;
  endDate?: string;
  signedOn?: string;
}

/**
 * A contract from a quote the caller may read (404 otherwise) that is approved, sent or accepted (422): its customer,
 * contact, gross total as the amount, currency and terms. A second contract of the same quote is 409 CONTRACT_EXISTS
 * naming the first; an advisory lock on the quote makes two simultaneous requests meet that rule too.
 */
export async function createContractFromQuote(ctx: KitContext, quoteId: string, input: FromQuoteInput = {}): Promise<ApiRecord> {
  const [quote] = await ctx.db
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, quoteId), isNull(quotes.deletedAt), accessCondition(ctx.actor, 'quote', 'read', quotes)));
  if (!quote) throw new AppError('NOT_FOUND', 404);
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'contract-from-quote:' + quote.rootId}))`);
  const existing = await contractOfQuote(ctx.db, quote.rootId);
  if (existing) throw new AppError('CONTRACT_EXISTS', 409, undefined, undefined, undefined, { contractId: existing });
  if (!CONTRACTABLE.includes(quote.status)) throw new AppError('CONTRACT_QUOTE_NOT_ACCEPTED', 422);
  const contract = await createRecord(ctx, {
    // A quote's title is its number and revision (Q2026-000012 v2): without a name given, the contract is called by its own.
    ...(input.name ? { name: input.name } : {}),
    customerId: quote.customerId,
    ...(quote.contactId ? { contactId: quote.contactId } : {}),
    amount: quote.grossTotal,
    currency: quote.currency,
    ...(quote.terms ? { terms: quote.terms } : {}),
    startDate: input.startDate ?? todayIn(organisationTimeZone()),
    ...(input.endDate ? { endDate: input.endDate } : {}),
    ...(input.signedOn ? { signedOn: input.signedOn } : {}),
  });
  await setOrigin(ctx, contract.id, 'quoteId', quote.id);
  return getRecord(ctx, contract.id);
}

/**
 * Renews an active or expired contract the caller may update: a new draft with the same parties, amount and terms for
 * the term after the end date (contracts.dates.ts), kept by the same owner when the caller may create for them; the
 * old contract becomes 已续签. A contract is renewed once (409); without an end date there is no term to follow (400).
 */
export async function renewContract(ctx: KitContext, id: string): Promise<ApiRecord> {
  const [locked] = await ctx.db.select().from(contracts).where(eq(contracts.id, id)).for('update');
  const old = await getRecord(ctx, id);
  if (!locked || !(old.access as { update?: boolean } | undefined)?.update) throw new AppError('FORBIDDEN', 403);
  if (old.status === 'renewed') throw new AppError('CONTRACT_ALREADY_RENEWED', 409);
  if (!RENEWABLE.includes(old.status as string)) throw new AppError('CONTRACT_NOT_RENEWABLE', 409);
  if (!old.endDate)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'endDate', code: 'CONTRACT_END_DATE_REQUIRED', message: 'CONTRACT_END_DATE_REQUIRED' },
    ]);
  const term = renewalTerm(old.startDate as string, old.endDate as string);
  const copied = [
    'name',
    'customerId',
    'contactId',
    'amount',
    'currency',
    'customerSignatory',
    'ourSignatory',
    'paymentTerms',
    'terms',
    'renewalReminderDays',
  ];
  const body: Record<string, unknown> = { status: 'draft', ...term };
  for (const field of copied) if (old[field] !== null && old[field] !== undefined) body[field] = old[field];
  // A contract called by its number gives its renewal no name, so the renewal is called by its own number.
  if (old.name === old.number) delete body.name;
  const create = (owner: Record<string, unknown>) => createRecord(ctx, { ...body, ...owner });
  const renewal = await create({ ownerId: old.ownerId, orgUnitId: locked.orgUnitId }).catch((err: unknown) =>
    // The caller may renew a contract they may update but not create one for its owner (a shared contract): then
    // the renewal is theirs.
    err instanceof AppError && err.status === 403 ? create({}) : Promise.reject(err),
  );
  await setOrigin(ctx, renewal.id, 'renewedFromId', id);
  await updateRecord(ctx, id, null, { status: 'renewed' });
  return getRecord(ctx, renewal.id);
}
