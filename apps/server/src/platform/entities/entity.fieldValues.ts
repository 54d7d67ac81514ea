// The values already used in one field of a record type, most used first: the suggestions of a free-tags input
// (GET /api/v1/<plural>/field-values?field=tags&q=vi). Only records the caller may read are counted.
import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../http/errors.ts';
import { accessCondition, likeEscape } from '../access/recordAccess.ts';
import { loadFields, type KitContext } from './entity.read.ts';
import { TEXT_TYPES } from './fields.ts';

const fieldValuesQuery = z
  .object({
    field: z.string().min(1).max(100),
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export interface FieldValueCount {
  value: string;
  count: number;
}

/** Distinct values of a tags, multiple-choice, choice or text field with how many records hold each. */
export async function findFieldValues(ctx: KitContext, input: z.infer<typeof fieldValuesQuery>): Promise<FieldValueCount[]> {
  const fields = await loadFields(ctx.db, ctx.descriptor);
  const field = fields.get(input.field);
  const listed = field && (field.type === 'tags' || field.type === 'multiSelect');
  if (!field || field.system || (!listed && field.type !== 'select' && !TEXT_TYPES.has(field.type)))
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'field', code: 'UNKNOWN_FIELD', message: 'UNKNOWN_FIELD' }]);
  const t = ctx.descriptor.table;
  const value: SQL = listed ? sql`v.value` : sql`(${field.expr})::text`;
  const from = listed ? sql`${t}, jsonb_array_elements_text(coalesce(${field.expr}, '[]'::jsonb)) AS v(value)` : sql`${t}`;
  const q = input.q?.trim();
  const where = and(
    isNull(t.deletedAt),
    accessCondition(ctx.actor, ctx.descriptor.name, 'read', t),
    sql`${value} IS NOT NULL AND ${value} <> ''`,
    q ? sql`${value} ILIKE ${'%' + likeEscape(q) + '%'}` : undefined,
  );
  const rows = await ctx.db.execute<{ value: string; n: string | number }>(
    sql`SELECT ${value} AS value, count(*) AS n FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${input.limit}`,
  );
  return rows.rows.map((r) => ({ value: r.value, count: Number(r.n) }));
}

export function registerFieldValueRoutes(
  app: FastifyInstance,
  base: string,
  ctxOf: (request: FastifyRequest) => KitContext,
  doc: <T extends object>(summary: string, schema?: T) => object,
): void {
  app.get(
    `${base}/field-values`,
    { schema: doc('Values already used in a field, most used first (tag suggestions)', { querystring: fieldValuesQuery }) },
    async (request) => ({
      items: await findFieldValues(ctxOf(request), request.query as z.infer<typeof fieldValuesQuery>),
    }),
  );
}
