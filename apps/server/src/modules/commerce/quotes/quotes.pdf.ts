// The printable quote: the letterhead from the commerce settings, the customer and contact, the lines, totals with
// 大写金额 and the terms, rendered by commerce.quotePdf.ts. Read access to the quote decides (hidden → 404); the
// customer's and contact's names are printed as the quote names them, as on any document sent to them.
import { eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { getRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import { Exact, formatMoney } from '../commerce.money.ts';
import { renderQuotePdf, type QuotePdfData } from '../commerce.quotePdf.ts';
import { quoteEntity } from './quotes.entities.ts';
import { readCommerceSettings } from './quotes.hooks.ts';
import { readLines } from './quotes.lines.ts';
import { quotes as q } from './quotes.schema.ts';

type Row = Record<string, unknown>;

/** One record's built-in fields by id, read through its descriptor (no access check: the quote's read decides). */
async function fieldsOf(
  ctx: KitContext,
  registry: EntityRegistry,
  type: string,
  id: string | null,
  names: string[],
): Promise<Row> {
  const descriptor = registry.get(type);
  if (!id || !descriptor) return {};
  const columns = Object.fromEntries(names.filter((n) => descriptor.fields[n]).map((n) => [n, descriptor.fields[n]!.column]));
  const [row] = (await ctx.db
    .select(columns as never)
    .from(descriptor.table as PgTable)
    .where(inArray(descriptor.table.id, [id]))) as Row[];
  return row ?? {};
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export async function quotePdfData(ctx: KitContext, id: string): Promise<{ data: QuotePdfData; filename: string }> {
  const kit = { ...ctx, descriptor: quoteEntity };
  const record = await getRecord(kit, id);
  const [quote] = await ctx.db.select().from(q).where(eq(q.id, id));
  const [settings, lines, customer, contact] = [
    await readCommerceSettings(ctx.db),
    await readLines(ctx.db, id),
    await fieldsOf(ctx, ctx.registry, 'customer', quote!.customerId, ['name', 'province', 'city', 'district', 'address']),
    await fieldsOf(ctx, ctx.registry, 'contact', quote!.contactId, ['name', 'title', 'mobile', 'phone']),
  ];
  const address = [
    customer.province,
    customer.city !== customer.province ? customer.city : null,
    customer.district,
    customer.address,
  ]
    .filter((v) => typeof v === 'string' && v)
    .join('');
  const discountText = (kind: string | null, value: string | null) =>
    kind === 'percent' ? `${new Exact(value ?? 0).toFixed()}%` : kind === 'amount' ? formatMoney(value ?? 0) : '';
  const data: QuotePdfData = {
    company: {
      name: settings.companyName || '—',
      address: str(settings.companyAddress),
      phone: str(settings.companyPhone),
      taxId: str(settings.taxNumber),
      ...(settings.logo ? { logo: Buffer.from(settings.logo, 'base64') } : {}),
    },
    customer: {
      name: str(customer.name) ?? '—',
      contact:
        str(contact.name) &&
        (str(contact.title) ? `${contact.name as string}（${contact.title as string}）` : (contact.name as string)),
      phone: str(contact.mobile) ?? str(contact.phone),
      address: address || undefined,
    },
    quote: {
      number: quote!.number,
      revision: quote!.revision,
      date: quote!.quoteDate,
      validUntil: quote!.validUntil ?? '',
      salesperson: str(record.ownerName),
    },
    pricesIncludeTax: quote!.prices !== 'exclusive',
    lines: lines.map((line) => ({
      name: line.name,
      spec: line.sku ?? undefined,
      unit: line.unit ?? '',
      quantity: new Exact(line.quantity).toFixed(),
      unitPrice: line.unitPrice,
      discount: discountText(line.discountKind, line.discountValue),
      taxRate: new Exact(line.taxRate).toFixed(),
      amount: line.subtotal,
    })),
    totals: {
      subtotal: quote!.subtotal,
      totalDiscount: quote!.discountTotal,
      net: quote!.netTotal,
      tax: quote!.taxTotal,
      gross: quote!.grossTotal,
    },
    terms: (quote!.terms ?? '')
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean),
    signature: { sellerSigner: str(record.ownerName) },
  };
  return { data, filename: `报价单-${quote!.number}-v${quote!.revision}.pdf` };
}

export async function quotePdf(ctx: KitContext, id: string): Promise<{ pdf: Buffer; filename: string }> {
  const { data, filename } = await quotePdfData(ctx, id);
  return { pdf: await renderQuotePdf(data), filename };
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function attachmentHeader(filename: string): string {
  const ascii =
    filename
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '')
      .replace(/^-+/, '') || 'quote.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
