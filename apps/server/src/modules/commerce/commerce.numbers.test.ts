import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';
import { formatNumber, nextNumber, nextNumbers } from './commerce.numbers.ts';

describe('document numbers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('numbers each kind and year from 1, six digits, and never twice', async () => {
    const db = t.db;
    expect(await nextNumber(db, 'quote', 2026)).toBe('Q2026-000001');
    expect(await nextNumber(db, 'quote', 2026)).toBe('Q2026-000002');
    expect(await nextNumber(db, 'order', 2026)).toBe('SO2026-000001');
    expect(await nextNumber(db, 'quote', 2027)).toBe('Q2027-000001');
    expect(await nextNumbers(db, 'batch', 2026, 3)).toEqual(['PB2026-000001', 'PB2026-000002', 'PB2026-000003']);
    const many = await Promise.all(Array.from({ length: 8 }, () => nextNumber(db, 'payment', 2026)));
    expect(new Set(many).size).toBe(8);
  });

  it('gives a rolled-back number back', async () => {
    const db = t.db;
    await db
      .transaction(async (tx) => {
        expect(await nextNumber(tx, 'contract', 2026)).toBe('HT2026-000001');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await nextNumber(db, 'contract', 2026)).toBe('HT2026-000001');
    expect(formatNumber('order', 2026, 1234567)).toBe('SO2026-1234567');
  });
});
