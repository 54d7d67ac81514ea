// Rules of the contract record type, run by the kit on every write (form, API, import): a new contract gets its number
// (HT2026-000004) and, without a name, is called by it; the end date is not before the start; the contact is the
// customer's; 已续签 is set only by the renew action (a renewal must exist).
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { ErrorDetail } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { EntityHooks } from '../../../platform/entities/descriptor.ts';
import { validationFailed } from '../../../platform/http/errors.ts';
import { customerOfContact } from '../../customers/customers.service.ts';
import { nextNumber } from '../commerce.numbers.ts';
import { organisationTimeZone, todayIn } from './contracts.dates.ts';
import { contracts } from './contracts.schema.ts';
import './contracts.messages.ts';

type Row = Record<string, unknown>;

const problem = (field: string, code: string): ErrorDetail => ({ field, code, message: code });
const isSet = (value: unknown): value is string => typeof value === 'string' && value !== '';

async function hasRenewal(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.renewedFromId, id), isNull(contracts.deletedAt), ne(contracts.id, id)))
    .limit(1);
  return row !== undefined;
}

/** Every problem of the contract as it will be written, at once. `changed` names the fields this write sets. */
async function check(db: DbOrTx, contract: Row, changed: (field: string) => boolean, id?: string): Promise<void> {
  const details: ErrorDetail[] = [];
  if (isSet(contract.startDate) && isSet(contract.endDate) && contract.endDate < contract.startDate)
    details.push(problem('endDate', 'CONTRACT_END_BEFORE_START'));
  if (isSet(contract.contactId) && (changed('contactId') || changed('customerId')))
    if ((await customerOfContact(db, contract.contactId)) !== contract.customerId)
      details.push(problem('contactId', 'CONTACT_NOT_OF_CUSTOMER'));
  if (changed('status') && contract.status === 'renewed' && !(id && (await hasRenewal(db, id))))
    details.push(problem('status', 'CONTRACT_RENEWED_BY_RENEWAL'));
  if (details.length) throw validationFailed(details);
}

export const contractHooks: EntityHooks = {
  async beforeCreate({ db }, values) {
    // A form sends untouched choices as null; the columns have defaults.
    values.status ??= 'draft';
    values.currency ??= 'CNY';
    await check(db, values, (field) => values[field] !== undefined && values[field] !== null);
    values.number = await nextNumber(db, 'contract', Number(todayIn(organisationTimeZone()).slice(0, 4)));
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    values.name = name || values.number;
  },
  async beforeUpdate({ db }, before, changes) {
    if ('name' in changes) {
      const name = typeof changes.name === 'string' ? changes.name.trim() : '';
      changes.name = name || before.number;
    }
    for (const field of ['status', 'currency'])
      if (field in changes && (changes[field] === null || changes[field] === undefined)) changes[field] = before[field];
    // A new end date or lead time arms the renewal reminder again.
    const moved = (field: string) => field in changes && changes[field] !== before[field];
    if (before.renewalRemindedAt && (moved('endDate') || moved('renewalReminderDays'))) changes.renewalRemindedAt = null;
    await check(db, { ...before, ...changes }, (field) => field in changes, before.id as string);
  },
};
