import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/harness/testDatabase.ts';
import type { Database } from '../../platform/db/db.ts';
import { ensureAdministrator } from './admin.bootstrap.ts';
import { DEMO_PASSWORD, seedDemoData } from '../../demo/demo.seed.ts';
import { orgUnits, users } from '../../platform/access/access.schema.ts';
import { loadActor } from '../../platform/access/actor.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';

describe('first start: administrator and demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('refuses a weak GUANXI_ADMIN_PASSWORD and creates nothing', async () => {
    await expect(ensureAdministrator(database.db, 'password')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await database.db.select().from(users)).toEqual([]);
  });

  it('creates the head office and admin once, with a generated password shown only the first time', async () => {
    const first = await ensureAdministrator(database.db, undefined);
    expect(first.createdPassword).toMatch(/^[\w-]{16}$/);
    const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(await verifyPassword(admin!.passwordHash, first.createdPassword!)).toBe(true);
    const actor = await loadActor(database.db, admin!.id, { source: 'ui', requestId: null, via: 'system' });
    expect(actor?.isAdmin).toBe(true);
    expect((await ensureAdministrator(database.db, undefined)).createdPassword).toBeNull();
  });

  // The demo customers go through the entity kit one by one (audit, search index): seconds, more on a busy machine.
  it('seeds a head office, three branches with teams and one user per role, once', { timeout: 120_000 }, async () => {
    const seeded = await seedDemoData(database.db);
    expect(seeded.created).toBe(true);
    expect((await seedDemoData(database.db)).created).toBe(false);
    const units = await database.db.select().from(orgUnits);
    expect(
      units
        .filter((u) => u.depth === 1)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['东区分公司', '南区分公司', '西区分公司']);
    const [lina] = await database.db.select().from(users).where(eq(users.username, 'lina'));
    expect(await verifyPassword(lina!.passwordHash, DEMO_PASSWORD)).toBe(true);
    const actor = await loadActor(database.db, lina!.id, { source: 'ui', requestId: null, via: 'system' });
    expect(actor?.roleKeys).toEqual(['branch_manager']);
    expect(actor?.permissions['*']?.read).toBe('unit-and-below');
    const unitOf = units.find((u) => u.id === lina!.orgUnitId);
    expect(unitOf?.name).toBe('东区分公司');
  });
});
