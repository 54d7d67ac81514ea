// The demo quotes: 王芳's customers get a draft with the engine's prices and discounts, a sent quote, one the
// customer accepted with its order and one waiting for the branch manager's approval — numbered, with lines and totals, on the customer's timeline through the kit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/harness/testDatabase.ts';
import type { Database } from '../../../platform/db/db.ts';
import { ensureAdministrator } from '../../admin/admin.bootstrap.ts';
import { auditLog } from '../../../platform/audit/audit.schema.ts';
import { seedDemoData } from '../../../demo/demo.seed.ts';
import { quoteLines, quotes } from './quotes.schema.ts';

describe('demo quotes', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 180_000);
  afterAll(async () => database?.close());

  it('seeds a draft, a sent and an accepted quote with their lines, totals and order', async () => {
    const db = database.db;
    const rows = await db.select().from(quotes).orderBy(asc(quotes.number));
    expect(rows.map((q) => q.status)).toEqual(['draft', 'sent', 'accepted', 'pendingApproval']);
    expect(rows.every((q) => /^Q\d{4}-\d{6}$/.test(q.number) && q.title === `${q.number} v1`)).toBe(true);
    for (const quote of rows) {
      const lines = await db.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id));
      expect(lines.length).toBe(quote.status === 'pendingApproval' ? 1 : 2);
      expect(Number(quote.grossTotal)).toBeGreaterThan(0);
      const audited = await db.select().from(auditLog).where(eq(auditLog.recordId, quote.id));
      expect(audited.length).toBeGreaterThanOrEqual(2);
    }
    expect(Number(rows[0]!.effectiveDiscountPercent)).toBeGreaterThan(0);
    expect(rows[1]!.effectiveDiscountPercent).toBe('0.00');
    expect(rows[2]!.orderId).toBeTruthy();
    expect(rows[3]!.effectiveDiscountPercent).toBe('10.00');
  });
});
