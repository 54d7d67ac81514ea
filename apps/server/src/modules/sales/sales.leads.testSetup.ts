// Test-only: two branches (东区 with two reps, 西区 with two, one of them the parcel specialist) and the assignment
// rules the lead tests route by — parcels to the specialist, 浙江/上海/江苏 to 东区 in turns, 川渝 to 西区.
import { expect } from 'vitest';
import type { Config } from '../../config.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';

export interface RoutingWorld {
  t: TestApp;
  admin: TestClient;
  adminId: string;
  people: Record<'eastA' | 'eastB' | 'west' | 'parcels', { id: string; orgUnitId: string }>;
  units: Record<'east' | 'west', string>;
}

export async function buildRoutingWorld(
  options: { config?: Partial<Config>; westDistribution?: 'round_robin' | 'least_loaded' } = {},
): Promise<RoutingWorld> {
  const t = await createTestApp({ config: options.config });
  const a = await buildAdmin(t.db);
  const admin = await t.as(a.user.id);
  const role = await buildRole(t.db, { permissions: { '*': { read: 'own', create: 'own', update: 'own' } } });
  const units = {
    east: (await buildOrgUnit(t.db, { parentId: a.root.id, name: '东区分公司' })).id,
    west: (await buildOrgUnit(t.db, { parentId: a.root.id, name: '西区分公司' })).id,
  };
  const person = (key: string, unit: 'east' | 'west') =>
    buildUser(t.db, { orgUnitId: units[unit], roleIds: [role.id], displayName: key });
  const people = {
    eastA: await person('eastA', 'east'),
    eastB: await person('eastB', 'east'),
    west: await person('west', 'west'),
    parcels: await person('parcels', 'west'),
  };
  const saved = await admin.put('/api/v1/lead-assignment-rules', {
    rules: [
      { name: '包裹意向给专人', conditions: { interest: ['parcel'] }, targetUserId: people.parcels.id },
      { name: '浙江沪苏归东区', conditions: { province: ['浙江省', '上海市', '江苏省'] }, targetOrgUnitId: units.east },
      {
        name: '川渝归西区',
        conditions: { province: ['四川省', '重庆市'] },
        targetOrgUnitId: units.west,
        distribution: options.westDistribution ?? 'least_loaded',
      },
    ],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { t, admin, adminId: a.user.id, people, units };
}
