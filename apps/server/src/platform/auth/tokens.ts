// API tokens for integrations: shown once, stored as a SHA-256 hash, revocable, acting as their user.
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { apiTokens } from './auth.schema.ts';
import { randomSecret, sha256 } from './sessions.ts';

export const TOKEN_PREFIX = 'gx_';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

const tokenViewColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function toView(row: TokenRow): ApiTokenView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

/** Creates a token; the secret is returned here once and only its hash is stored. */
export async function issueApiToken(
  db: DbOrTx,
  userId: string,
  name: string,
  expiresInDays?: number,
): Promise<ApiTokenView & { token: string }> {
  const token = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const prefix = token.slice(0, 10);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), prefix, expiresAt })
    .returning(tokenViewColumns);
  return { ...toView(row!), token };
}

/** The user id a token acts for, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(db: DbOrTx, token: string): Promise<{ tokenId: string; userId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row) return null;
  // Record use at most once a minute, so an integration's reads do not each become a write.
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < Date.now() - 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, row.tokenId));
  }
  return { tokenId: row.tokenId, userId: row.userId };
}

/** A user's tokens, newest first, without their hashes. */
export async function listApiTokens(db: DbOrTx, userId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select(tokenViewColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toView);
}

/** Revokes one of `userId`'s tokens; false when the token is not theirs (or does not exist). Idempotent. */
export async function revokeApiToken(db: DbOrTx, userId: string, tokenId: string): Promise<boolean> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return row !== undefined;
}
