// Rules of customers and contacts that the entity kit calls as hooks: regions from the bundled list, contacts only
// under organisation customers, a contact's owner defaulting to its customer's, identifiers in the search index.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { EntityHooks } from '../../platform/entities/descriptor.ts';
import { regionProblems } from './customers.regions.ts';
import { contacts, customers } from './customers.schema.ts';
import { identifierSearchTerms, identifierSearchTermsMany } from './customers.identifiers.service.ts';
import { customerNameKey } from './customers.nameKey.ts';

type Row = Record<string, unknown>;

const invalid = (field: string, code: string) => new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);

function checkRegion(values: Row): void {
  const problems = regionProblems(values);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 400, problems);
}

async function hasContacts(db: DbOrTx, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
    .limit(1);
  return row !== undefined;
}

export const customerHooks: EntityHooks = {
  searchTerms: (db, record) => identifierSearchTerms(db, 'customer', record.id as string),
  searchTermsMany: (db, records) =>
    identifierSearchTermsMany(
      db,
      'customer',
      records.map((r) => r.id as string),
    ),
  async beforeCreate(_ctx, values) {
    values.status ??= 'active';
    if (typeof values.name === 'string') values.nameKey = customerNameKey(values.name);
    checkRegion(values);
  },
  async beforeUpdate({ db }, before, changes) {
    if (typeof changes.name === 'string') changes.nameKey = customerNameKey(changes.name);
    // Region fields are checked together, so a new city is judged against the stored province and vice versa.
    if ('province' in changes || 'city' in changes || 'district' in changes) checkRegion({ ...before, ...changes });
    // An individual is their own contact; turning an organisation with contacts into one would orphan them.
    if (changes.kind === 'individual' && before.kind !== 'individual' && (await hasContacts(db, before.id as string)))
      throw invalid('kind', 'CUSTOMER_HAS_CONTACTS');
  },
};

/** The customer a contact is to belong to; the kit has already checked the caller may see it. */
/** The customer a contact belongs to (for other modules checking that a contact and a customer go together). */
export async function customerOfContact(db: DbOrTx, contactId: string): Promise<string | undefined> {
  const [row] = await db.select({ customerId: contacts.customerId }).from(contacts).where(eq(contacts.id, contactId));
  return row?.customerId;
}

async function findParent(db: DbOrTx, customerId: string) {
  const [row] = await db
    .select({ kind: customers.kind, ownerId: customers.ownerId, orgUnitId: customers.orgUnitId })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row;
}

async function checkOrganisation(db: DbOrTx, customerId: unknown): Promise<void> {
  if (typeof customerId !== 'string') return;
  const parent = await findParent(db, customerId);
  if (parent && parent.kind !== 'organisation') throw invalid('customerId', 'CONTACT_NEEDS_ORGANISATION');
}

export const contactHooks: EntityHooks = {
  searchTerms: (db, record) => identifierSearchTerms(db, 'contact', record.id as string),
  searchTermsMany: (db, records) =>
    identifierSearchTermsMany(
      db,
      'contact',
      records.map((r) => r.id as string),
    ),
  async defaultOwner({ db }, values) {
    const parent = typeof values.customerId === 'string' ? await findParent(db, values.customerId) : undefined;
    return parent && { ownerId: parent.ownerId, orgUnitId: parent.orgUnitId };
  },
  async beforeCreate({ db }, values) {
    await checkOrganisation(db, values.customerId);
  },
  async beforeUpdate({ db }, _before, changes) {
    if ('customerId' in changes) await checkOrganisation(db, changes.customerId);
  },
};
