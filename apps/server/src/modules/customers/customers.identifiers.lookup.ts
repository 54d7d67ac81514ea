// GET /api/v1/identifiers/lookup: the call-centre question "whose number is this?" — an exact match of a normalised
// identifier (phone, plate, policy number, …), answered from the (type, normalized) index. Only customers and
// contacts the caller may read are named; a sensitive type (national ID) only to those who may edit the customer,
// as only they see its value.
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/db.ts';
import { runNamed } from '../../platform/db/namedStatements.ts';
import { requireActor, type Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { accessCondition, allOf } from '../../platform/access/recordAccess.ts';
import { listIdentifierTypes } from './customers.identifiers.service.ts';
import { contacts, customerIdentifiers, customers } from './customers.schema.ts';

const LIMIT = 20;

const lookupQuery = z.object({ value: z.string().trim().min(1).max(100), type: z.string().min(1).max(40).optional() }).strict();

export interface IdentifierMatch {
  recordType: 'customer' | 'contact';
  id: string;
  title: string;
  /** The customer of a contact, or the customer itself. */
  customerId: string;
  identifierType: string;
}

const bad = (field: string, code: string) => new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);

/**
 * Customers (then contacts) holding `value` as an identifier of `type`, or of any type when none is named. A named
 * statement (runNamed): the text is the same for every value, and parsing and planning it each time would cost more
 * than running it.
 */
export async function lookupIdentifier(
  database: Database,
  actor: Actor,
  value: string,
  type?: string,
): Promise<IdentifierMatch[]> {
  const types = (await listIdentifierTypes(database.db)).filter((t) => !type || t.key === type);
  if (!types.length) throw bad('type', 'invalid_option');
  // The value as each type would have stored it: 138-0013-8000 is 13800138000 as a phone, 京A 12345 is 京A12345 as a plate.
  const wanted = types.map((t) => ({ type: t, normalized: t.normalize(value) })).filter((w) => w.normalized.length > 0);
  if (!wanted.length) throw bad('value', 'invalid_format');
  const i = customerIdentifiers;
  const c = customers;
  const matches = or(...wanted.map((w) => and(eq(i.type, w.type.key), eq(i.normalized, w.normalized))));
  const sensitive = wanted.filter((w) => w.type.sensitive).map((w) => w.type.key);
  // No condition means no limit: the caller may edit every customer.
  const mayEdit = accessCondition(actor, 'customer', 'update', c) ?? sql`true`;
  // A sensitive value names its holder only to those who may see the value (customers.identifiers.service.ts).
  const shown: SQL | undefined = sensitive.length ? sql`(${i.type} NOT IN ${sensitive} OR ${mayEdit})` : undefined;
  const p = contacts;
  // The holders of one kind, best first; a contact's row also joins its customer, whom `shown` asks about.
  const holders = (kind: 'customer' | 'contact', holder: typeof c | typeof p, join: SQL, customerId: SQL) => sql`(
    SELECT DISTINCT ${sql.raw(`'${kind}'`)} AS kind, ${holder.id} AS id, ${holder.name} AS title, ${customerId} AS customer_id,
           ${i.type} AS identifier_type
    FROM ${i} ${join}
    WHERE ${allOf(matches, isNull(holder.deletedAt), accessCondition(actor, kind, 'read', holder), shown)}
    ORDER BY title, id LIMIT ${LIMIT})`;
  // Customers and contacts in one statement: a round trip costs more than either query.
  const rows = await runNamed<{ kind: string; id: string; title: string; customer_id: string; identifier_type: string }>(
    database.pool,
    sql`${holders('customer', c, sql`JOIN ${c} ON ${c.id} = ${i.customerId}`, sql`${c.id}`)} UNION ALL ${holders(
      'contact',
      p,
      sql`JOIN ${p} ON ${p.id} = ${i.contactId} JOIN ${c} ON ${c.id} = ${i.customerId}`,
      sql`${p.customerId}`,
    )}`,
  );
  const seen = new Set<string>();
  const items: IdentifierMatch[] = [];
  // Customers first, each in name order as its branch sorted them.
  for (const kind of ['customer', 'contact'] as const)
    for (const row of rows)
      if (row.kind === kind && !seen.has(row.id)) {
        seen.add(row.id);
        items.push({
          recordType: kind,
          id: row.id,
          title: row.title,
          customerId: row.customer_id,
          identifierType: row.identifier_type,
        });
      }
  return items;
}

export function registerIdentifierLookupRoutes(app: FastifyInstance): void {
  app.get(
    '/v1/identifiers/lookup',
    {
      schema: {
        tags: ['customers'],
        summary: 'Customers and contacts holding an identifier (exact, after normalisation), e.g. an incoming number',
        querystring: lookupQuery,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { value, type } = request.query as z.infer<typeof lookupQuery>;
      return { items: await lookupIdentifier(app.database, actor, value, type) };
    },
  );
}
