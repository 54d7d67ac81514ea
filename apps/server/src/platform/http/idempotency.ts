// `Idempotency-Key` on POST: the first request with a key runs and its answer is kept; a repeat with the
// same body gets that answer again and creates nothing; the same key with another body answers 422.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError } from './errors.ts';
import { idempotencyKeys } from './http.schema.ts';

const KEY_RE = /^[\w.:-]{8,200}$/;
/** A key still pending after this long belongs to a request that died; it may be taken again. */
const STALE_PENDING_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { userId: string; key: string };
  }
}

const fingerprint = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');

async function replay(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  key: string,
): Promise<boolean> {
  const [existing] = await app.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!existing) return false;
  if (existing.requestHash !== fingerprint(request)) throw new AppError('IDEMPOTENCY_KEY_REUSED', 422);
  if (existing.state !== 'done') throw new AppError('IDEMPOTENCY_IN_PROGRESS', 409);
  await reply
    .status(existing.statusCode ?? 200)
    .header('idempotent-replayed', 'true')
    .send(existing.responseBody ?? undefined);
  return true;
}

export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return;
    const key = String(header);
    if (!KEY_RE.test(key)) {
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'Idempotency-Key', code: 'invalid_format', message: 'invalid_format' },
      ]);
    }
    const userId = request.actor.userId;
    await app.db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, userId),
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.state, 'pending'),
          lt(idempotencyKeys.createdAt, new Date(Date.now() - STALE_PENDING_MS)),
        ),
      );
    const claimed = await app.db
      .insert(idempotencyKeys)
      .values({ userId, key, method: request.method, path: request.url, requestHash: fingerprint(request) })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) {
      request.idempotency = { userId, key };
      return;
    }
    if (await replay(app, request, reply, userId, key)) return reply;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    const where = and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      // The work failed on our side and was rolled back: let the client retry with the same key.
      await app.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    if (typeof payload === 'string' && payload.length) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
    }
    await app.db
      .update(idempotencyKeys)
      .set({ state: 'done', statusCode: reply.statusCode, responseBody: sql`${JSON.stringify(body)}::jsonb` })
      .where(where);
    return payload;
  });
}
