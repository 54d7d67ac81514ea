// Lead assignment: the administrators' ordered rules, tried top-down on every new lead that names no owner (web form,
// import, manual entry). A rule matches on region, source, interest and customer type and assigns to a user, or to
// an org unit whose active members take turns (round robin) or get the lead when they hold the fewest open ones
// (least loaded). A rule pointing at a disabled user, an inactive unit or a unit without active members is skipped
// and reported to the administrators; the lead goes on to the next rule.
import { and, asc, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { AssignmentRuleInput } from '@guanxi/contracts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { orgUnits, users } from '../../platform/access/access.schema.ts';
import { enqueueJob } from '../../platform/jobs/jobs.runner.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import { assignmentRules, leads, type RuleConditions } from './sales.schema.ts';

export const RULE_SKIPPED_JOB = 'sales.assignmentRuleSkipped';
const OPEN_LEAD_STATUSES = ['new', 'working'];

type Rule = typeof assignmentRules.$inferSelect;
type Lead = Record<string, unknown>;

export interface Assignment {
  ownerId: string;
  orgUnitId: string;
  ruleId: string;
  ruleName: string;
}

/** Every listed property must hold one of its values; an empty or missing list matches anything. */
export function ruleMatches(conditions: RuleConditions, lead: Lead): boolean {
  return (Object.entries(conditions) as [keyof RuleConditions, string[] | undefined][]).every(
    ([key, values]) => !values?.length || (typeof lead[key] === 'string' && values.includes(lead[key] as string)),
  );
}

type Member = { id: string; orgUnitId: string };

/**
 * What the rules need while one transaction assigns leads — an import assigns a whole batch in one: the rules
 * (locked), each unit's members and each least-loaded rule's counts are read once and then kept up to date in memory,
 * so the leads of one batch, not yet written, are counted too and one lead costs no more round trips than it must.
 */
interface Batch {
  rules: Rule[];
  members: Map<string, Member[]>;
  users: Map<string, Member | undefined>;
  /** Per least-loaded rule: open leads per member, this transaction's assignments included. */
  loads: Map<string, Map<string, number>>;
  /** Per round-robin rule: who got its last lead, this transaction's assignments included. */
  turns: Map<string, string | null>;
}

const batches = new WeakMap<object, Batch>();

/** The transaction's batch; outside a transaction a fresh one each time (nothing outlives a transaction). */
async function batchOf(db: DbOrTx): Promise<Batch> {
  const inTransaction = db instanceof PgTransaction;
  const known = inTransaction ? batches.get(db) : undefined;
  if (known) return known;
  // Rule rows stay locked until the transaction ends, so two leads arriving at once do not get the same turn.
  const rules = await db
    .select()
    .from(assignmentRules)
    .where(eq(assignmentRules.active, true))
    .orderBy(asc(assignmentRules.position))
    .for('update');
  const batch: Batch = { rules, members: new Map(), users: new Map(), loads: new Map(), turns: new Map() };
  if (inTransaction) batches.set(db, batch);
  return batch;
}

/** Active members of a unit and its sub-units, in a fixed order (for turns). */
async function membersOf(db: DbOrTx, batch: Batch, unitId: string): Promise<Member[]> {
  const known = batch.members.get(unitId);
  if (known) return known;
  const [unit] = await db.select({ path: orgUnits.path, active: orgUnits.active }).from(orgUnits).where(eq(orgUnits.id, unitId));
  const members = unit?.active
    ? await db
        .select({ id: users.id, orgUnitId: users.orgUnitId })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
        .where(and(eq(users.active, true), eq(orgUnits.active, true), like(orgUnits.path, `${unit.path}%`)))
        .orderBy(asc(users.id))
    : [];
  batch.members.set(unitId, members);
  return members;
}

/** A rule's target user while active and in an active unit. */
async function activeUser(db: DbOrTx, batch: Batch, userId: string): Promise<Member | undefined> {
  if (batch.users.has(userId)) return batch.users.get(userId);
  const [user] = await db
    .select({ id: users.id, orgUnitId: users.orgUnitId, unitActive: orgUnits.active })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  const member = user?.unitActive ? { id: user.id, orgUnitId: user.orgUnitId } : undefined;
  batch.users.set(userId, member);
  return member;
}

/**
 * The owner of the newest lead the rule assigned (ids are UUID v7, so the largest is the newest), read once per
 * transaction and then kept in the batch: a turn costs no write, and the rule's lock (batchOf) makes the next
 * transaction read it only after this one's leads are committed. A saved rule list has new ids, so turns start afresh.
 */
async function lastAssignee(db: DbOrTx, ruleId: string): Promise<string | null> {
  const [last] = await db
    .select({ ownerId: leads.ownerId })
    .from(leads)
    .where(eq(leads.assignmentRuleId, ruleId))
    .orderBy(desc(leads.id))
    .limit(1);
  return last?.ownerId ?? null;
}

/** The member after the one who got the rule's last lead (wrapping round). */
const nextInTurn = <T extends { id: string }>(members: T[], lastUserId: string | null): T => {
  const last = members.findIndex((m) => m.id === lastUserId);
  return members[(last + 1) % members.length]!;
};

/** The member holding the fewest open leads (ties: the first in the fixed order, so the choice is predictable). */
async function leastLoaded(db: DbOrTx, batch: Batch, rule: Rule, members: Member[]): Promise<Member> {
  let load = batch.loads.get(rule.id);
  if (!load) {
    const counts = await db
      .select({ ownerId: leads.ownerId, n: sql<number>`count(*)::int` })
      .from(leads)
      .where(
        and(
          inArray(
            leads.ownerId,
            members.map((m) => m.id),
          ),
          inArray(leads.status, OPEN_LEAD_STATUSES),
          isNull(leads.deletedAt),
        ),
      )
      .groupBy(leads.ownerId);
    load = new Map(counts.map((c) => [c.ownerId, c.n]));
    batch.loads.set(rule.id, load);
  }
  const chosen = members.reduce((best, m) => ((load.get(m.id) ?? 0) < (load.get(best.id) ?? 0) ? m : best));
  load.set(chosen.id, (load.get(chosen.id) ?? 0) + 1);
  return chosen;
}

/** Where one rule sends a lead, or undefined when its target cannot take leads now. */
async function targetOf(db: DbOrTx, batch: Batch, rule: Rule): Promise<Member | undefined> {
  if (rule.targetUserId) return activeUser(db, batch, rule.targetUserId);
  if (!rule.targetOrgUnitId) return undefined;
  const members = await membersOf(db, batch, rule.targetOrgUnitId);
  if (!members.length) return undefined;
  if (rule.distribution === 'least_loaded') return leastLoaded(db, batch, rule, members);
  const chosen = nextInTurn(members, batch.turns.has(rule.id) ? batch.turns.get(rule.id)! : await lastAssignee(db, rule.id));
  batch.turns.set(rule.id, chosen.id);
  return chosen;
}

/** The owner the rules give a lead, or undefined when none matches. */
export async function assignLead(db: DbOrTx, lead: Lead): Promise<Assignment | undefined> {
  const batch = await batchOf(db);
  for (const rule of batch.rules) {
    if (!ruleMatches(rule.conditions, lead)) continue;
    const target = await targetOf(db, batch, rule);
    if (target) return { ownerId: target.id, orgUnitId: target.orgUnitId, ruleId: rule.id, ruleName: rule.name };
    // One queued report per rule at a time: a flood of leads does not flood the administrators.
    await enqueueJob(db, RULE_SKIPPED_JOB, { ruleId: rule.id }, { dedupeKey: `assignment-rule-skipped:${rule.id}` });
  }
  return undefined;
}

export async function listAssignmentRules(db: DbOrTx): Promise<Rule[]> {
  return db.select().from(assignmentRules).orderBy(asc(assignmentRules.position));
}

/** Replaces the rule list: administrators save it whole, in order (round-robin turns start afresh). */
export async function saveAssignmentRules(db: DbOrTx, input: Required<AssignmentRuleInput>[]): Promise<Rule[]> {
  const details = input.flatMap((r, i) =>
    Boolean(r.targetUserId) === Boolean(r.targetOrgUnitId)
      ? [{ field: `rules.${i}.targetUserId`, code: 'RULE_TARGET_REQUIRED', message: 'RULE_TARGET_REQUIRED' }]
      : [],
  );
  if (details.length) throw validationFailed(details);
  const userIds = input.map((r) => r.targetUserId).filter((v): v is string => !!v);
  const unitIds = input.map((r) => r.targetOrgUnitId).filter((v): v is string => !!v);
  const knownUsers = new Set(
    userIds.length ? (await db.select({ id: users.id }).from(users).where(inArray(users.id, userIds))).map((u) => u.id) : [],
  );
  const knownUnits = new Set(
    unitIds.length
      ? (await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, unitIds))).map((u) => u.id)
      : [],
  );
  input.forEach((r, i) => {
    if (r.targetUserId && !knownUsers.has(r.targetUserId))
      details.push({ field: `rules.${i}.targetUserId`, code: 'not_found_reference', message: 'not_found_reference' });
    if (r.targetOrgUnitId && !knownUnits.has(r.targetOrgUnitId))
      details.push({ field: `rules.${i}.targetOrgUnitId`, code: 'not_found_reference', message: 'not_found_reference' });
  });
  if (details.length) throw validationFailed(details);
  await db.delete(assignmentRules);
  if (input.length)
    await db.insert(assignmentRules).values(
      input.map((r, i) => ({
        name: r.name,
        position: i,
        active: r.active,
        conditions: r.conditions,
        targetUserId: r.targetUserId,
        targetOrgUnitId: r.targetOrgUnitId,
        distribution: r.distribution,
      })),
    );
  return listAssignmentRules(db);
}
