// API tokens for integrations: shown once, stored as a SHA-256 hash, revocable, acting as their user.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { apiTokens } from './auth.schema.ts';
import { randomSecret, sha256 } from './sessions.ts';

export const TOKEN_PREFIX = 'gx_';

export async function issueApiToken(
  db: DbOrTx,
  userId: string,
  name: string,
  expiresInDays?: number,
): Promise<{ id: string; token: string; prefix: string; expiresAt: Date | null }> {
  const token = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const prefix = token.slice(0, 10);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), prefix, expiresAt })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token, prefix, expiresAt };
}

/** The user id a token acts for, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(db: DbOrTx, token: string): Promise<{ tokenId: string; userId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .returning({ tokenId: apiTokens.id, userId: apiTokens.userId });
  return row ?? null;
}
