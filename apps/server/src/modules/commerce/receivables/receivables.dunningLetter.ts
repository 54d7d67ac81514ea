// The dunning letter of one overdue instalment, ready for the user to copy or mail: renderDunningEmail filled from the
// instalment, its order, the customer and its contact, the order's owner and the commerce letterhead, with the
// customer's e-mail addresses best first. Read with the order's access (hidden → 404); a paid, cancelled or not yet
// overdue instalment has no letter (409). Days overdue are counted on the organisation's day, as the dunning job does.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { contacts, customerIdentifiers, customers } from '../../customers/customers.schema.ts';
import { commerceSettings } from '../commerce.schema.ts';
import { Exact } from '../commerce.money.ts';
import { orders } from '../orders/orders.schema.ts';
import { CUSTOMER, loadOrder } from './receivables.access.ts';
import { daysOverdue } from './receivables.dates.ts';
import { renderDunningEmail } from './receivables.dunningEmail.ts';
import { instalments as ins } from './receivables.schema.ts';
import './receivables.messages.ts';

export interface DunningLetterAnswer {
  subject: string;
  text: string;
  /** The customer's e-mail addresses the caller may see: the order's contact first, then the customer's own, then other contacts'. */
  to: string[];
  /** 1 for the first reminder: the instalment's reminders so far, at least 1. */
  level: number;
  daysOverdue: number;
}

const CONTACT = 'contact';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ContactRow {
  id: string;
  name: string;
  email: string | null;
}

/** The customer's contacts the caller may read, the order's own contact first, then in the order they were entered. */
async function readableContacts(db: DbOrTx, actor: Actor, customerId: string, orderContactId: string | null) {
  const byEntry = [asc(contacts.createdAt), asc(contacts.id)];
  return db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(
      and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt), accessCondition(actor, CONTACT, 'read', contacts)),
    )
    .orderBy(...(orderContactId ? [sql`${contacts.id} = ${orderContactId} DESC`, ...byEntry] : byEntry));
}

/** E-mail identifiers of the customer (contactId null) and of its contacts, oldest first. */
async function emailIdentifiers(db: DbOrTx, customerId: string) {
  return db
    .select({ contactId: customerIdentifiers.contactId, value: customerIdentifiers.value })
    .from(customerIdentifiers)
    .where(and(eq(customerIdentifiers.customerId, customerId), eq(customerIdentifiers.type, 'email')))
    .orderBy(asc(customerIdentifiers.createdAt), asc(customerIdentifiers.id));
}

/**
 * Addresses best first: the order's contact (its e-mail field, then its e-mail identifiers), the customer's own
 * e-mail identifiers, then the other readable contacts'. Each once (compared without case), well-formed ones only.
 */
export function rankAddresses(
  people: ContactRow[],
  orderContactId: string | null,
  identifiers: { contactId: string | null; value: string }[],
  customerVisible: boolean,
): string[] {
  const ofContact = (c: ContactRow) => [c.email, ...identifiers.filter((i) => i.contactId === c.id).map((i) => i.value)];
  const lead = people.filter((c) => c.id === orderContactId);
  const rest = people.filter((c) => c.id !== orderContactId);
  const own = customerVisible ? identifiers.filter((i) => i.contactId === null).map((i) => i.value) : [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [...lead.flatMap(ofContact), ...own, ...rest.flatMap(ofContact)]) {
    const value = raw?.trim();
    if (!value || !EMAIL.test(value) || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

export async function dunningLetter(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  instalmentId: string,
  today: string,
): Promise<DunningLetterAnswer> {
  const order = await loadOrder(db, actor, orderId);
  const [row] = await db
    .select()
    .from(ins)
    .where(and(eq(ins.id, instalmentId), eq(ins.orderId, order.id)));
  if (!row) throw new AppError('NOT_FOUND', 404);
  if (row.status === 'paid' || row.status === 'cancelled') {
    throw new AppError('INSTALMENT_SETTLED', 409, undefined, { position: row.position });
  }
  const days = daysOverdue(row.dueDate, today);
  if (days <= 0) throw new AppError('INSTALMENT_NOT_OVERDUE', 409, undefined, { position: row.position, dueDate: row.dueDate });

  const [facts] = await db
    .select({
      contactId: orders.contactId,
      customerName: customers.name,
      customerVisible: sql<boolean>`coalesce(${accessCondition(actor, CUSTOMER, 'read', customers) ?? sql`true`}, false)`,
      ownerName: users.displayName,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(users, eq(users.id, orders.ownerId))
    .where(eq(orders.id, order.id));
  const [settings] = await db
    .select({
      companyName: commerceSettings.companyName,
      companyPhone: commerceSettings.companyPhone,
      bankAccount: commerceSettings.bankAccount,
    })
    .from(commerceSettings)
    .where(eq(commerceSettings.id, 1));
  const people = await readableContacts(db, actor, order.customerId, facts?.contactId ?? null);
  const level = Math.max(1, row.dunningCount);
  const letter = renderDunningEmail({
    customerName: facts?.customerName ?? '',
    contactName: people[0]?.name ?? null,
    orderNumber: order.number,
    orderDate: order.orderDate,
    position: row.position,
    instalmentName: row.name,
    dueDate: row.dueDate,
    amount: row.amount,
    outstanding: new Exact(row.amount).minus(row.paidAmount).toFixed(2),
    daysOverdue: days,
    level,
    companyName: settings?.companyName ?? '',
    companyPhone: settings?.companyPhone,
    bankAccount: settings?.bankAccount,
    ownerName: facts?.ownerName ?? null,
  });
  return {
    ...letter,
    to: rankAddresses(
      people,
      facts?.contactId ?? null,
      await emailIdentifiers(db, order.customerId),
      Boolean(facts?.customerVisible),
    ),
    level,
    daysOverdue: days,
  };
}
