// Background work of contracts, both run hourly and idempotent (a restart or a second server process repeats nothing):
// `contracts.expire` sets active contracts whose end date has passed to 已到期; `contracts.renewalReminders` tells
// each active contract's owner once, when the end date is within the contract's reminder days (or the settings'
// default), and stamps renewalRemindedAt in the same transaction as the notification.
import type { FastifyInstance } from 'fastify';
import type {} from '../../../app.ts';
import { and, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Locale } from '@guanxi/contracts';
import type { Db } from '../../../platform/db/db.ts';
import type { EventBus } from '../../../platform/events/bus.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { recordAudits } from '../../../platform/audit/audit.service.ts';
import { createNotification } from '../../../platform/events/notifications.service.ts';
import { customers } from '../../customers/customers.schema.ts';
import { commerceSettings } from '../commerce.schema.ts';
import { daysBetween, todayIn } from './contracts.dates.ts';
import { contracts } from './contracts.schema.ts';

export const EXPIRE_JOB = 'contracts.expire';
export const RENEWAL_REMINDER_JOB = 'contracts.renewalReminders';
export const RENEWAL_NOTIFICATION = 'contract.renewalDue';

/** Active contracts that ended before `today` become 已到期, each with an entry in its history. Answers how many. */
export async function expireContracts(db: Db, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(contracts)
      .set({ status: 'expired', version: sql`${contracts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contracts.status, 'active'), lt(contracts.endDate, today), isNull(contracts.deletedAt)))
      .returning({ id: contracts.id });
    if (rows.length)
      await recordAudits(
        tx,
        null,
        rows.map((row) => ({
          recordType: 'contract',
          recordId: row.id,
          action: 'update',
          changes: [{ field: 'status', old: 'active', new: 'expired' }],
        })),
      );
    return rows.length;
  });
}

const TITLE: Record<Locale, (number: string, name: string, endDate: string) => string> = {
  'zh-CN': (number, name, endDate) => `合同续签提醒：${number}${name ? ` ${name}` : ''}将于 ${endDate} 到期`,
  'zh-TW': (number, name, endDate) => `合約續簽提醒：${number}${name ? ` ${name}` : ''}將於 ${endDate} 到期`,
  en: (number, name, endDate) => `Contract renewal reminder: ${number}${name ? ` ${name}` : ''} ends on ${endDate}`,
};
const BODY: Record<Locale, (customer: string, days: number) => string> = {
  'zh-CN': (customer, days) => `客户：${customer}；还有 ${days} 天到期。`,
  'zh-TW': (customer, days) => `客戶：${customer}；還有 ${days} 天到期。`,
  en: (customer, days) => `Customer: ${customer}; ${days} day${days === 1 ? '' : 's'} left.`,
};

/**
 * Reminds the owners of active contracts whose end date, less their reminder days (the settings' default when the
 * contract names none), is today or earlier and not yet past. Each contract is claimed by setting renewalRemindedAt
 * where it is still empty, in the transaction that writes the notification, so it is reminded once. Answers how many.
 */
export async function sendRenewalReminders(db: Db, events: EventBus, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [settings] = await tx.select({ days: commerceSettings.contractRenewalDays }).from(commerceSettings).limit(1);
    const defaultDays = settings?.days ?? 30;
    const claimed = await tx
      .update(contracts)
      .set({ renewalRemindedAt: new Date() })
      .where(
        and(
          eq(contracts.status, 'active'),
          isNull(contracts.deletedAt),
          isNull(contracts.renewalRemindedAt),
          isNotNull(contracts.endDate),
          gte(contracts.endDate, today),
          sql`${contracts.endDate} - coalesce(${contracts.renewalReminderDays}, ${defaultDays}) <= ${today}::date`,
        ),
      )
      .returning({
        id: contracts.id,
        number: contracts.number,
        name: contracts.name,
        endDate: contracts.endDate,
        ownerId: contracts.ownerId,
        customerId: contracts.customerId,
      });
    for (const contract of claimed) {
      const [owner] = await tx
        .select({ locale: users.locale, active: users.active, customer: customers.name })
        .from(users)
        .innerJoin(customers, eq(customers.id, contract.customerId))
        .where(eq(users.id, contract.ownerId));
      if (!owner?.active) continue;
      const locale = (owner.locale in TITLE ? owner.locale : 'zh-CN') as Locale;
      const endDate = contract.endDate!;
      await createNotification(tx, events, {
        userId: contract.ownerId,
        kind: RENEWAL_NOTIFICATION,
        title: TITLE[locale](contract.number, contract.name === contract.number ? '' : contract.name, endDate).slice(0, 300),
        body: BODY[locale](owner.customer, daysBetween(today, endDate)),
        link: `/contracts/${contract.id}`,
      });
    }
    return claimed.length;
  });
}

export function registerContractJobs(app: FastifyInstance): void {
  const today = () => todayIn(app.config.timeZone);
  app.jobs
    .register(EXPIRE_JOB, async (_payload, { db, log }) => {
      const expired = await expireContracts(db, today());
      if (expired) log.info({ expired }, 'contracts expired');
    })
    .register(RENEWAL_REMINDER_JOB, async (_payload, { db, log }) => {
      const reminded = await sendRenewalReminders(db, app.events, today());
      if (reminded) log.info({ reminded }, 'contract renewal reminders sent');
    })
    .schedule(EXPIRE_JOB, 60 * 60)
    .schedule(RENEWAL_REMINDER_JOB, 60 * 60);
}
