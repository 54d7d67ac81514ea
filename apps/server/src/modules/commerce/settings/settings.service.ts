// The commerce settings row: the letterhead printed on quotes and contracts (logo included) and the defaults quotes,
// contracts and dunning use. Every signed-in user reads it (each quote does, so it is kept in the reference cache);
// administrators save it whole with If-Match.
import { eq } from 'drizzle-orm';
import type { CommerceSettings, CommerceSettingsInput, ErrorDetail } from '@guanxi/contracts';
import { commerceSettingsInputSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { staleVersion, validationFailed } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.service.ts';
import { cachedReference, referenceChanged } from '../../../platform/cache/referenceCache.ts';
import { commerceSettings } from '../commerce.schema.ts';
import './settings.messages.ts';

const CACHE_KEY = 'commerce.settings';
/** The audit log wants a UUID: the one settings row, the discount limits and the chain are logged under this id. */
export const SETTINGS_RECORD_ID = '00000000-0000-0000-0000-000000000001';
export const LOGO_MAX_BYTES = 300 * 1024;

type Row = typeof commerceSettings.$inferSelect;

/** `image/png` or `image/jpeg` by the file's first bytes, or null for anything else. */
export function imageType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The logo as stored (plain base64), or a detail naming `logo`: not base64, larger than 300 KB, not a PNG or JPEG. */
function readLogo(raw: string | null, details: ErrorDetail[]): string | null {
  if (raw === null || raw === '') return null;
  const text = raw.replace(/^data:image\/(?:png|jpeg);base64,/, '').replace(/\s+/g, '');
  const fail = (code: string) => {
    details.push({ field: 'logo', code, message: code });
    return null;
  };
  if (!BASE64.test(text) || text.length % 4 !== 0) return fail('LOGO_NOT_BASE64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) return fail('LOGO_TOO_LARGE');
  if (!imageType(bytes)) return fail('LOGO_NOT_IMAGE');
  return text;
}

const toSettings = (row: Row): CommerceSettings => ({
  companyName: row.companyName,
  companyAddress: row.companyAddress,
  companyPhone: row.companyPhone,
  taxNumber: row.taxNumber,
  bankAccount: row.bankAccount,
  logo: row.logo,
  logoType: row.logo ? imageType(Buffer.from(row.logo, 'base64')) : null,
  rounding: row.rounding as CommerceSettings['rounding'],
  prices: row.prices as CommerceSettings['prices'],
  quoteValidityDays: row.quoteValidityDays,
  quoteTerms: row.quoteTerms,
  contractRenewalDays: row.contractRenewalDays,
  dunningIntervalDays: row.dunningIntervalDays,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

async function loadRow(db: DbOrTx): Promise<Row> {
  const [row] = await db.select().from(commerceSettings).where(eq(commerceSettings.id, 1));
  if (row) return row;
  // Migration 0015 writes the row; a database restored without it gets the defaults back.
  const [made] = await db.insert(commerceSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return made ?? (await db.select().from(commerceSettings).where(eq(commerceSettings.id, 1)))[0]!;
}

/** The settings as quotes, contracts and the settings page read them (from memory outside a transaction). */
export function getCommerceSettings(db: DbOrTx): Promise<CommerceSettings> {
  return cachedReference(db, CACHE_KEY, async () => toSettings(await loadRow(db)));
}

/** The logo as bytes for a PDF, or undefined. */
export const logoBytes = (settings: CommerceSettings): Buffer | undefined =>
  settings.logo ? Buffer.from(settings.logo, 'base64') : undefined;

const AUDITED = [
  'companyName',
  'companyAddress',
  'companyPhone',
  'taxNumber',
  'bankAccount',
  'rounding',
  'prices',
  'quoteValidityDays',
  'quoteTerms',
  'contractRenewalDays',
  'dunningIntervalDays',
] as const;

/** Saves the settings whole (administrators): 412 with the stored settings when `version` is not the stored one. */
export async function updateCommerceSettings(
  tx: DbOrTx,
  actor: Actor,
  version: number,
  raw: CommerceSettingsInput,
): Promise<CommerceSettings> {
  const input = commerceSettingsInputSchema.parse(raw);
  const details: ErrorDetail[] = [];
  const logo = readLogo(input.logo, details);
  if (details.length) throw validationFailed(details);
  await loadRow(tx);
  const [before] = await tx.select().from(commerceSettings).where(eq(commerceSettings.id, 1)).for('update');
  if (before!.version !== version) throw staleVersion(toSettings(before!));
  const values = { ...input, logo, version: before!.version + 1, updatedAt: new Date() };
  const [after] = await tx.update(commerceSettings).set(values).where(eq(commerceSettings.id, 1)).returning();
  const changes = diffFields(before!, after!, [...AUDITED]);
  if (before!.logo !== after!.logo)
    changes.push({ field: 'logo', old: before!.logo ? 'image' : null, new: logo ? 'image' : null });
  await recordAudit(tx, actor, { recordType: 'commerceSettings', recordId: SETTINGS_RECORD_ID, action: 'update', changes });
  await referenceChanged(tx, CACHE_KEY);
  return toSettings(after!);
}
