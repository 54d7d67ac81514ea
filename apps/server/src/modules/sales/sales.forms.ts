// Public lead forms: a campaign page posts a visitor's details to /api/v1/public/lead-forms/<key>. Spam is held off
// without third-party services: a trap field people never see, a minimum time between the page loading and the post,
// a limit per client address and hour, and the same person posting twice within minutes counted once. Refused spam
// is answered like a success, so a robot learns nothing. The lead is created through the entity kit as the form's
// fallback user (widened to create leads), so the assignment rules route it; no rule matching, the fallback user keeps it.
import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { LeadFormInput, PublicLead } from '@guanxi/contracts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { loadSystemActor } from '../../platform/access/actor.ts';
import { users } from '../../platform/access/access.schema.ts';
import type { EntityRegistry } from '../../platform/entities/registry.ts';
import { createRecord } from '../../platform/entities/entity.write.ts';
import { leadFormHits, leadForms, leads } from './sales.schema.ts';

/** Posts allowed per client address and hour, over all forms. */
export const HOURLY_LIMIT = 10;
/** A person fills a form in more than this; a robot posts at once. */
export const MIN_FILL_MS = 3_000;
const MAX_PAGE_AGE_MS = 24 * 3600_000;
const REPEAT_WINDOW_MS = 10 * 60_000;

export type FormOutcome = { kind: 'created'; leadId: string; ownerId: string } | { kind: 'ignored'; reason: string };

type LeadForm = typeof leadForms.$inferSelect;

async function activeForm(db: DbOrTx, key: string): Promise<LeadForm> {
  const [form] = await db.select().from(leadForms).where(eq(leadForms.key, key));
  if (!form?.active) throw new AppError('FORM_NOT_FOUND', 404);
  return form;
}

/** Counts the post against its address's hour; over the limit, 429 with the seconds to wait. */
async function countHit(db: DbOrTx, address: string, now: Date): Promise<void> {
  const hour = new Date(Math.floor(now.getTime() / 3600_000) * 3600_000);
  const [row] = await db
    .insert(leadFormHits)
    .values({ address, hour, count: 1 })
    .onConflictDoUpdate({ target: [leadFormHits.address, leadFormHits.hour], set: { count: sql`${leadFormHits.count} + 1` } })
    .returning({ count: leadFormHits.count });
  if (row!.count > HOURLY_LIMIT) {
    const seconds = Math.ceil((hour.getTime() + 3600_000 - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', 429, undefined, { seconds }, { 'retry-after': String(seconds) });
  }
}

/** Why a post looks like a robot's, or undefined for a person's. */
function robotSign(lead: PublicLead, now: number): string | undefined {
  if (lead.website) return 'trap field filled';
  if (lead.startedAt === undefined) return 'no page load time';
  const age = now - lead.startedAt;
  if (age < MIN_FILL_MS) return 'posted too fast';
  if (age > MAX_PAGE_AGE_MS) return 'page too old';
  return undefined;
}

/** The same person (mobile or e-mail) through the same form a few minutes ago: a double click or a reload. */
async function isRepeat(db: DbOrTx, form: LeadForm, lead: PublicLead, now: Date): Promise<boolean> {
  const same = [
    lead.mobile ? eq(leads.mobile, lead.mobile) : undefined,
    lead.email ? eq(leads.email, lead.email.toLowerCase()) : undefined,
  ].filter((c) => c !== undefined);
  if (!same.length) return false;
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.formId, form.id), gt(leads.createdAt, new Date(now.getTime() - REPEAT_WINDOW_MS)), or(...same)))
    .limit(1);
  return rows.length > 0;
}

/** The form's fallback user, allowed to create leads whatever their role says (the form acts for the company). */
async function formActor(db: DbOrTx, form: LeadForm): Promise<Actor> {
  const actor = await loadSystemActor(db, form.fallbackUserId, 'api');
  if (!actor) throw new AppError('FORM_NOT_FOUND', 404);
  return {
    ...actor,
    permissions: { ...actor.permissions, lead: { ...actor.permissions.lead, create: 'all', read: 'all' } },
  } as Actor;
}

export async function submitLead(
  db: Db,
  registry: EntityRegistry,
  key: string,
  lead: PublicLead,
  address: string,
  now = new Date(),
): Promise<FormOutcome> {
  return db.transaction(async (tx) => {
    const form = await activeForm(tx, key);
    await countHit(tx, address, now);
    const robot = robotSign(lead, now.getTime());
    if (robot) return { kind: 'ignored', reason: robot };
    if (await isRepeat(tx, form, lead, now)) return { kind: 'ignored', reason: 'repeat' };
    const actor = await formActor(tx, form);
    const { website: _trap, startedAt: _started, ...fields } = lead;
    const record = await createRecord(
      { db: tx, actor, registry, descriptor: registry.get('lead')!, locale: 'zh-CN' },
      {
        ...fields,
        source: 'web_form',
        ...(form.campaign ? { campaign: form.campaign } : {}),
        ...(fields.interest || form.interest ? { interest: fields.interest ?? form.interest } : {}),
      },
      { reread: false },
    );
    await tx.update(leads).set({ formId: form.id }).where(eq(leads.id, record.id));
    return { kind: 'created', leadId: record.id, ownerId: record.ownerId as string };
  });
}

export async function listLeadForms(db: DbOrTx): Promise<LeadForm[]> {
  return db.select().from(leadForms).orderBy(leadForms.createdAt);
}

export async function saveLeadForm(db: DbOrTx, id: string | null, input: Required<LeadFormInput>): Promise<LeadForm> {
  const [user] = await db.select({ orgUnitId: users.orgUnitId }).from(users).where(eq(users.id, input.fallbackUserId));
  if (!user)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'fallbackUserId', code: 'not_found_reference', message: 'not_found_reference' },
    ]);
  const [clash] = await db.select({ id: leadForms.id }).from(leadForms).where(eq(leadForms.key, input.key));
  if (clash && clash.id !== id)
    throw new AppError('VALIDATION_FAILED', 409, [{ field: 'key', code: 'duplicate', message: 'duplicate' }]);
  const values = { ...input, fallbackOrgUnitId: user.orgUnitId };
  if (!id) return (await db.insert(leadForms).values(values).returning())[0]!;
  const [row] = await db.update(leadForms).set(values).where(eq(leadForms.id, id)).returning();
  if (!row) throw new AppError('NOT_FOUND', 404);
  return row;
}
