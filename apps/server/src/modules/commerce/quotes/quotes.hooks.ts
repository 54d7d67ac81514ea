// Rules of quotes run by the entity kit on create and update: a new quote takes the next number of its year
// (Q2026-000012), revision 1, status draft, and its rounding, prices, validity and terms from the commerce settings
// when the caller leaves them out; only a draft or rejected quote is edited (else 409 QUOTE_LOCKED: create a revision);
// the validity date is not before the quote date; the contact is one of the customer's.
import { and, eq, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ErrorDetail } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { newId } from '../../../platform/db/columns.ts';
import { AppError, validationFailed } from '../../../platform/http/errors.ts';
import type { EntityHooks, HookContext } from '../../../platform/entities/descriptor.ts';
import { organisationToday } from '../catalog/catalog.pricing.ts';
import { nextNumber } from '../commerce.numbers.ts';
import { commerceSettings } from '../commerce.schema.ts';
import './quotes.messages.ts';

type Row = Record<string, unknown>;

/** Statuses whose fields and lines may still change. */
export const EDITABLE_STATUSES: readonly string[] = ['draft', 'rejected'];

export const quoteTitle = (number: string, revision: number) => `${number} v${revision}`;

export async function readCommerceSettings(db: DbOrTx) {
  const [row] = await db.select().from(commerceSettings).where(eq(commerceSettings.id, 1));
  return (
    row ?? {
      companyName: '',
      rounding: 'perLine',
      prices: 'inclusive',
      quoteValidityDays: 30,
      quoteTerms: null,
      companyAddress: null,
      companyPhone: null,
      taxNumber: null,
      bankAccount: null,
      logo: null,
    }
  );
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Statuses a quote may be deleted in: it never reached the customer's hands or the history of a later revision. */
export const DELETABLE_STATUSES: readonly string[] = ['draft', 'rejected', 'declined', 'expired'];

export function checkLocked(status: unknown): void {
  if (!EDITABLE_STATUSES.includes(String(status))) throw new AppError('QUOTE_LOCKED', 409);
}

async function checkContact(ctx: HookContext, values: Row, details: ErrorDetail[]): Promise<void> {
  const contactId = values.contactId;
  if (typeof contactId !== 'string') return;
  const contact = ctx.registry.get('contact');
  if (!contact) return;
  const column = contact.fields.customerId!.column;
  const [row] = (await ctx.db
    .select({ customerId: column })
    .from(contact.table as PgTable)
    .where(and(eq(contact.table.id, contactId), isNull(contact.table.deletedAt)))) as { customerId: string }[];
  if (row && row.customerId !== values.customerId)
    details.push({ field: 'contactId', code: 'QUOTE_CONTACT_NOT_OF_CUSTOMER', message: 'QUOTE_CONTACT_NOT_OF_CUSTOMER' });
}

function checkDates(values: Row, details: ErrorDetail[]): void {
  if (typeof values.validUntil === 'string' && typeof values.quoteDate === 'string' && values.validUntil < values.quoteDate)
    details.push({ field: 'validUntil', code: 'QUOTE_VALID_UNTIL_BEFORE_DATE', message: 'QUOTE_VALID_UNTIL_BEFORE_DATE' });
}

export const quoteHooks: EntityHooks = {
  async beforeCreate(ctx, values) {
    const settings = await readCommerceSettings(ctx.db);
    values.quoteDate ??= organisationToday();
    values.validUntil ??= addDays(values.quoteDate as string, settings.quoteValidityDays);
    values.rounding ??= settings.rounding;
    values.prices ??= settings.prices;
    if (values.terms === undefined || values.terms === null) values.terms = settings.quoteTerms ?? null;
    const details: ErrorDetail[] = [];
    checkDates(values, details);
    await checkContact(ctx, values, details);
    if (details.length) throw validationFailed(details);
    const id = newId();
    const number = await nextNumber(ctx.db, 'quote', Number((values.quoteDate as string).slice(0, 4)));
    Object.assign(values, { id, rootId: id, number, revision: 1, title: quoteTitle(number, 1), status: 'draft' });
  },

  async beforeDelete(_ctx, quote) {
    if (!DELETABLE_STATUSES.includes(String(quote.status))) throw new AppError('QUOTE_NOT_DELETABLE', 409);
  },

  async beforeUpdate(ctx, before, changes) {
    // Reassigning the owner is not an edit of the quote's content.
    if (Object.keys(changes).some((k) => k !== 'ownerId' && k !== 'orgUnitId')) checkLocked(before.status);
    const after = { ...before, ...changes };
    const details: ErrorDetail[] = [];
    checkDates(after, details);
    if ('contactId' in changes || 'customerId' in changes) await checkContact(ctx, after, details);
    if (details.length) throw validationFailed(details);
  },
};
