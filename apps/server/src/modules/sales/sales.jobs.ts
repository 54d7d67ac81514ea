// Background work of the sales module: the weekly forecast snapshot (planning/planning.jobs.ts) and telling
// administrators that an assignment rule was skipped because its user or unit cannot take leads (disabled,
// deactivated, or a unit without active members).
import type { FastifyInstance } from 'fastify';
import type {} from '../../app.ts';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '@guanxi/contracts';
import { roles, userRoles, users } from '../../platform/access/access.schema.ts';
import { createNotification } from '../../platform/events/notifications.service.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { RULE_SKIPPED_JOB } from './sales.assignment.ts';
import { assignmentRules } from './sales.schema.ts';
import { registerPlanningJobs } from './planning/planning.jobs.ts';

export const RULE_SKIPPED_NOTIFICATION = 'sales.assignmentRuleSkipped';

export function registerSalesJobs(app: FastifyInstance): void {
  registerPlanningJobs(app);
  app.jobs.register(
    RULE_SKIPPED_JOB,
    async ({ ruleId }, { db }) => {
      const [rule] = await db.select({ name: assignmentRules.name }).from(assignmentRules).where(eq(assignmentRules.id, ruleId));
      if (!rule) return;
      const admins = await db
        .selectDistinct({ id: users.id, locale: users.locale })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(and(eq(roles.isAdmin, true), eq(users.active, true)));
      for (const admin of admins)
        await createNotification(db, app.events, {
          userId: admin.id,
          kind: RULE_SKIPPED_NOTIFICATION,
          title: translate(admin.locale as Locale, 'RULE_TARGET_INACTIVE', { rule: rule.name }).slice(0, 300),
          link: '/admin/lead-rules',
        });
    },
    { payload: z.object({ ruleId: z.uuid() }) },
  );
}
