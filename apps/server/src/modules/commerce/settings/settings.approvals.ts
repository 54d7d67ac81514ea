// The discount each role may give without approval and the approval chain a larger discount climbs: read by every
// signed-in user, each saved whole by administrators with every bad field named in one VALIDATION_FAILED.
import { asc, eq, inArray } from 'drizzle-orm';
import type { ApprovalChain, ApprovalChainInput, DiscountLimits, DiscountLimitsInput, ErrorDetail } from '@guanxi/contracts';
import { approvalChainInputSchema, discountLimitsInputSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { validationFailed } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { roles } from '../../../platform/access/access.schema.ts';
import { readDecimal, type DecimalRule, type Exact } from '../commerce.money.ts';
import { approvalSteps, discountLimits } from '../commerce.schema.ts';
import { SETTINGS_RECORD_ID } from './settings.service.ts';
import './settings.messages.ts';

const LIMIT_RULE: DecimalRule = {
  decimals: [2, 'LIMIT_PERCENT_DECIMALS'],
  min: [0, 'inclusive', 'LIMIT_PERCENT_RANGE'],
  max: [100, 'inclusive', 'LIMIT_PERCENT_RANGE'],
};
const STEP_RULE: DecimalRule = {
  decimals: [2, 'LIMIT_PERCENT_DECIMALS'],
  min: [0, 'exclusive', 'STEP_PERCENT_RANGE'],
  max: [100, 'inclusive', 'STEP_PERCENT_RANGE'],
};

const readPercent = (raw: unknown, field: string, rule: DecimalRule, details: ErrorDetail[]): Exact | null =>
  readDecimal(typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw, field, rule, details);

/** Ids of `ids` that are roles, for the "unknown role" details. */
async function existingRoles(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: roles.id })
    .from(roles)
    .where(inArray(roles.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

export async function getDiscountLimits(db: DbOrTx): Promise<DiscountLimits> {
  const rows = await db
    .select({
      roleId: roles.id,
      roleKey: roles.key,
      roleName: roles.name,
      isAdmin: roles.isAdmin,
      maxPercent: discountLimits.maxPercent,
    })
    .from(roles)
    .leftJoin(discountLimits, eq(discountLimits.roleId, roles.id))
    .orderBy(asc(roles.isAdmin), asc(roles.createdAt), asc(roles.id));
  return { items: rows };
}

/** Replaces every limit: a role left out has none (its holders need approval for any discount). */
export async function saveDiscountLimits(tx: DbOrTx, actor: Actor, raw: DiscountLimitsInput): Promise<DiscountLimits> {
  const input = discountLimitsInputSchema.parse(raw);
  const details: ErrorDetail[] = [];
  const known = await existingRoles(
    tx,
    input.limits.map((l) => l.roleId),
  );
  const seen = new Set<string>();
  const rows: { roleId: string; maxPercent: string }[] = [];
  input.limits.forEach((limit, i) => {
    const at = `limits.${i}`;
    if (!known.has(limit.roleId)) details.push({ field: `${at}.roleId`, code: 'ROLE_NOT_FOUND', message: 'ROLE_NOT_FOUND' });
    else if (seen.has(limit.roleId))
      details.push({ field: `${at}.roleId`, code: 'LIMIT_ROLE_DUPLICATE', message: 'LIMIT_ROLE_DUPLICATE' });
    seen.add(limit.roleId);
    const percent = readPercent(limit.maxPercent, `${at}.maxPercent`, LIMIT_RULE, details);
    if (percent) rows.push({ roleId: limit.roleId, maxPercent: percent.toFixed(2) });
  });
  if (details.length) throw validationFailed(details);
  const before = await getDiscountLimits(tx);
  await tx.delete(discountLimits);
  if (rows.length) await tx.insert(discountLimits).values(rows);
  const after = await getDiscountLimits(tx);
  const changes = after.items.flatMap((role) => {
    const old = before.items.find((b) => b.roleId === role.roleId)?.maxPercent ?? null;
    return old === role.maxPercent ? [] : [{ field: role.roleName, old, new: role.maxPercent }];
  });
  await recordAudit(tx, actor, { recordType: 'commerceDiscountLimits', recordId: SETTINGS_RECORD_ID, action: 'update', changes });
  return after;
}

export async function getApprovalChain(db: DbOrTx): Promise<ApprovalChain> {
  const rows = await db
    .select({
      id: approvalSteps.id,
      position: approvalSteps.position,
      name: approvalSteps.name,
      roleId: approvalSteps.roleId,
      roleName: roles.name,
      upToPercent: approvalSteps.upToPercent,
      appliesTo: approvalSteps.appliesTo,
      active: approvalSteps.active,
    })
    .from(approvalSteps)
    .leftJoin(roles, eq(roles.id, approvalSteps.roleId))
    .orderBy(asc(approvalSteps.position), asc(approvalSteps.id));
  return { steps: rows.map((r) => ({ ...r, appliesTo: r.appliesTo as ('quote' | 'order')[] })) };
}

/**
 * Replaces the chain: steps in the order given, limits increasing along the active steps, only the last active step
 * without a limit. Rounds already requested keep their steps (a round copies its step's name, role and unit).
 */
export async function saveApprovalChain(tx: DbOrTx, actor: Actor, raw: ApprovalChainInput): Promise<ApprovalChain> {
  const input = approvalChainInputSchema.parse(raw);
  const details: ErrorDetail[] = [];
  const known = await existingRoles(
    tx,
    input.steps.map((s) => s.roleId),
  );
  const limits = input.steps.map((step, i) => {
    if (!known.has(step.roleId)) details.push({ field: `steps.${i}.roleId`, code: 'ROLE_NOT_FOUND', message: 'ROLE_NOT_FOUND' });
    if (new Set(step.appliesTo).size !== step.appliesTo.length)
      details.push({ field: `steps.${i}.appliesTo`, code: 'invalid_value', message: 'invalid_value' });
    return step.upToPercent === null ? null : readPercent(step.upToPercent, `steps.${i}.upToPercent`, STEP_RULE, details);
  });
  // Only the active steps make the chain: their limits rise, and only the last of them may have none.
  const active = input.steps.flatMap((step, i) => (step.active ? [i] : []));
  let previous: Exact | null = null;
  active.forEach((i, n) => {
    const field = `steps.${i}.upToPercent`;
    const limit = limits[i];
    if (input.steps[i]!.upToPercent === null) {
      if (n !== active.length - 1) details.push({ field, code: 'STEP_UNLIMITED_NOT_LAST', message: 'STEP_UNLIMITED_NOT_LAST' });
    } else if (limit) {
      if (previous && !limit.gt(previous)) details.push({ field, code: 'STEP_NOT_INCREASING', message: 'STEP_NOT_INCREASING' });
      previous = limit;
    }
  });
  if (details.length) throw validationFailed(details);
  const before = await getApprovalChain(tx);
  await tx.delete(approvalSteps);
  if (input.steps.length)
    await tx.insert(approvalSteps).values(
      input.steps.map((step, i) => ({
        position: i + 1,
        name: step.name,
        roleId: step.roleId,
        upToPercent: limits[i]?.toFixed(2) ?? null,
        appliesTo: step.appliesTo,
        active: step.active,
      })),
    );
  const after = await getApprovalChain(tx);
  const describe = (chain: ApprovalChain) =>
    chain.steps.map((s) => `${s.name}（${s.roleName ?? ''}，${s.upToPercent ?? '∞'}%${s.active ? '' : '，停用'}）`).join(' → ');
  await recordAudit(tx, actor, {
    recordType: 'commerceApprovalChain',
    recordId: SETTINGS_RECORD_ID,
    action: 'update',
    changes: [{ field: 'steps', old: describe(before), new: describe(after) }],
  });
  return after;
}
