// Converting a qualified lead: into a customer (an existing one the duplicate rules of the customers module found,
// or a new one), a contact for the lead's person, and optionally an opportunity — all in one transaction, through
// the entity kit, so access, validation, audit and search apply as for any other write. A lead converts once.
import { eq, sql } from 'drizzle-orm';
import type { LeadConvert, LeadConvertResult } from '@guanxi/contracts';
import { AppError, staleVersion } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { getRecord, recordPermissions, type ApiRecord, type KitContext } from '../../platform/entities/entity.read.ts';
import { createRecord } from '../../platform/entities/entity.write.ts';
import { indexRecord } from '../../platform/search/search.service.ts';
import { findCustomerDuplicates } from '../customers/customers.duplicates.ts';
import { addIdentifier } from '../customers/customers.identifiers.service.ts';
import { customerOfContact } from '../customers/customers.service.ts';
import { leads, opportunities } from './sales.schema.ts';

type Row = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** The lead's ways to reach the person, as identifier types of the customers module. */
const identifiersOf = (lead: Row) =>
  (['mobile', 'phone', 'email'] as const)
    .filter((type) => str(lead[type]))
    .map((type) => ({ type, value: lead[type] as string }));

/** Likely existing customers for a lead: the same phone or e-mail, or the same name without legal suffixes. */
export async function convertCandidates(ctx: KitContext, lead: Row) {
  return findCustomerDuplicates(ctx, { name: str(lead.company) ?? str(lead.name), identifiers: identifiersOf(lead) });
}

async function lockLead(ctx: KitContext, id: string, version: number): Promise<ApiRecord> {
  await ctx.db.select({ id: leads.id }).from(leads).where(eq(leads.id, id)).for('update');
  const lead = await getRecord(ctx, id);
  if (!(await recordPermissions(ctx, id, ['update'])).update) throw new AppError('FORBIDDEN', 403);
  if (lead.version !== version) throw staleVersion(lead);
  if (lead.status === 'converted') throw new AppError('LEAD_ALREADY_CONVERTED', 409);
  if (lead.status === 'disqualified') throw new AppError('LEAD_DISQUALIFIED', 409);
  return lead;
}

/** Adds the lead's phones and e-mail to the customer (skipping ones it already holds, which are not an error). */
async function copyIdentifiers(ctx: KitContext, customerId: string, contactId: string | null, lead: Row): Promise<void> {
  for (const identifier of identifiersOf(lead)) {
    try {
      await ctx.db.transaction((sp) =>
        addIdentifier({ ...ctx, db: sp }, customerId, { ...identifier, contactId: contactId ?? undefined }),
      );
    } catch (err) {
      if (!(err instanceof AppError && (err.status === 409 || err.status === 400))) throw err;
    }
  }
}

export async function convertLead(ctx: KitContext, leadId: string, input: LeadConvert): Promise<LeadConvertResult> {
  const lead = await lockLead(ctx, leadId, input.version);
  const kit = (name: string): KitContext => ({ ...ctx, descriptor: ctx.registry.get(name)! });
  const owner = { ownerId: lead.ownerId as string, orgUnitId: lead.orgUnitId as string };

  let customer: ApiRecord;
  const matchedExisting = Boolean(input.customerId);
  if (input.customerId) {
    customer = await getRecord(kit('customer'), input.customerId);
  } else {
    const candidates = await convertCandidates(ctx, lead);
    if (candidates.length && !input.createNew)
      throw new AppError('CONVERT_MATCHES_EXISTING', 409, undefined, undefined, undefined, { candidates });
    const company = str(lead.company);
    customer = await createRecord(kit('customer'), {
      name: company ?? lead.name,
      kind: company ? 'organisation' : 'individual',
      ...(str(lead.customerType) ? { customerType: lead.customerType } : {}),
      ...(str(lead.province) ? { province: lead.province } : {}),
      ...(str(lead.city) ? { city: lead.city } : {}),
      ...owner,
    });
  }

  let contactId: string | null = null;
  if (input.contactId) {
    if ((await customerOfContact(ctx.db, input.contactId)) !== customer.id)
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'contactId', code: 'CONTACT_NOT_OF_CUSTOMER', message: 'CONTACT_NOT_OF_CUSTOMER' },
      ]);
    contactId = (await getRecord(kit('contact'), input.contactId)).id;
  } else if (customer.kind === 'organisation') {
    const contact = await createRecord(kit('contact'), {
      customerId: customer.id,
      name: lead.name,
      ...(str(lead.title) ? { title: lead.title } : {}),
      ...(str(lead.mobile) ? { mobile: lead.mobile } : {}),
      ...(str(lead.phone) ? { phone: lead.phone } : {}),
      ...(str(lead.email) ? { email: lead.email } : {}),
      ...owner,
    });
    contactId = contact.id;
  }
  await copyIdentifiers(kit('customer'), customer.id, contactId, lead);

  let opportunityId: string | null = null;
  if (input.opportunity) {
    const opportunity = await createRecord(kit('opportunity'), {
      ...input.opportunity,
      customerId: customer.id,
      ...(contactId ? { contactId } : {}),
      ...(str(lead.source) ? { source: lead.source } : {}),
      ...owner,
    });
    opportunityId = opportunity.id;
    await ctx.db.update(opportunities).set({ leadId }).where(eq(opportunities.id, opportunityId));
  }

  const now = new Date();
  const [after] = await ctx.db
    .update(leads)
    .set({
      status: 'converted',
      convertedAt: now,
      convertedCustomerId: customer.id,
      convertedContactId: contactId,
      convertedOpportunityId: opportunityId,
      version: sql`${leads.version} + 1`,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
    })
    .where(eq(leads.id, leadId))
    .returning();
  await recordAudit(ctx.db, ctx.actor, {
    recordType: 'lead',
    recordId: leadId,
    action: 'update',
    changes: [
      { field: 'status', old: lead.status, new: 'converted' },
      { field: 'convertedCustomerId', old: null, new: customer.id },
      ...(contactId ? [{ field: 'convertedContactId', old: null, new: contactId }] : []),
      ...(opportunityId ? [{ field: 'convertedOpportunityId', old: null, new: opportunityId }] : []),
    ],
  });
  await indexRecord(ctx.db, ctx.descriptor, after!);
  return { leadId, customerId: customer.id, contactId, opportunityId, matchedExisting };
}
