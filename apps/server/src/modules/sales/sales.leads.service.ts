// Rules of leads, run by the entity kit on every write: a new lead that names no owner is assigned by the
// administrators' rules (the rule that fired is kept on the lead); disqualifying needs a reason; a lead becomes
// converted only through the convert action (sales.convert.ts), and a converted lead's status stays.
import type { ErrorDetail } from '@guanxi/contracts';
import { validationFailed } from '../../platform/http/errors.ts';
import type { EntityHooks } from '../../platform/entities/descriptor.ts';
import { assignLead } from './sales.assignment.ts';

type Row = Record<string, unknown>;
const problem = (field: string, code: string): ErrorDetail => ({ field, code, message: code });

function statusProblems(lead: Row): ErrorDetail[] {
  if (lead.status === 'disqualified' && !lead.disqualifyReason)
    return [problem('disqualifyReason', 'DISQUALIFY_REASON_REQUIRED')];
  return [];
}

export const leadHooks: EntityHooks = {
  async beforeCreate({ db, ownerNamed }, values) {
    values.status ??= 'new';
    if (values.status === 'converted') throw validationFailed([problem('status', 'LEAD_STATUS_BY_ACTION')]);
    const problems = statusProblems(values);
    if (problems.length) throw validationFailed(problems);
    if (ownerNamed) return;
    const assignment = await assignLead(db, values);
    if (!assignment) return;
    values.ownerId = assignment.ownerId;
    values.orgUnitId = assignment.orgUnitId;
    values.assignmentRuleId = assignment.ruleId;
    values.assignedByRule = assignment.ruleName;
  },
  async beforeUpdate(_ctx, before, changes) {
    if (
      'status' in changes &&
      changes.status !== before.status &&
      (changes.status === 'converted' || before.status === 'converted')
    )
      throw validationFailed([problem('status', 'LEAD_STATUS_BY_ACTION')]);
    if (changes.status && changes.status !== 'disqualified' && before.disqualifyReason && !('disqualifyReason' in changes))
      changes.disqualifyReason = null;
    const problems = statusProblems({ ...before, ...changes });
    if (problems.length) throw validationFailed(problems);
  },
};
