// Reference data served from memory must never be older than what the administrator just saved: the next request
// of anyone sees the change, and a refused change leaves what was there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en });

describe('reference data kept in memory', () => {
  let t: TestApp;
  let admin: TestClient;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as((await buildAdmin(t.db)).user.id);
    customerId = (await buildCustomer(admin, { name: '瑞丰贸易' })).id;
  });
  afterAll(async () => t?.close());

  const saveCustom = (version: number, custom: Record<string, unknown>) =>
    admin.patch(`/api/v1/customers/${customerId}`, { custom }, { 'if-match': String(version) });

  it('takes a custom field the administrator adds or retires on the very next write', async () => {
    const defined = async () =>
      ((await admin.get('/api/v1/custom-fields?recordType=customer')).json().items as { key: string }[]).map((d) => d.key);
    // Read once so the definitions are in memory before they change.
    expect(await defined()).not.toContain('memberLevel');
    const before = await admin.get(`/api/v1/customers/${customerId}`);
    expect(before.statusCode).toBe(200);
    expect((await saveCustom(before.json().version, { memberLevel: '金卡' })).statusCode).toBe(400);

    const created = await admin.post('/api/v1/custom-fields', {
      recordType: 'customer',
      key: 'memberLevel',
      type: 'text',
      label: label('会员等级', 'Member level'),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await defined()).toContain('memberLevel');
    const saved = await saveCustom(before.json().version, { memberLevel: '金卡' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().custom).toMatchObject({ memberLevel: '金卡' });

    const retired = await admin.patch(`/api/v1/custom-fields/${created.json().id}`, { active: false }, { 'if-match': '1' });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(await defined()).not.toContain('memberLevel');
    const refused = await saveCustom(saved.json().version, { memberLevel: '银卡' });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('memberLevel');
  });

  it('uses an identifier type the administrator adds at once, and keeps the list when an addition is refused', async () => {
    const types = async () => ((await admin.get('/api/v1/identifier-types')).json().items as { key: string }[]).map((x) => x.key);
    expect(await types()).not.toContain('memberCard');
    const added = await admin.post('/api/v1/identifier-types', { key: 'memberCard', label: label('会员卡号', 'Member card') });
    expect(added.statusCode, added.body).toBe(201);
    expect(await types()).toContain('memberCard');
    const held = await admin.post(`/api/v1/customers/${customerId}/identifiers`, { type: 'memberCard', value: 'VIP-0001' });
    expect(held.statusCode, held.body).toBe(201);
    const found = await admin.get('/api/v1/identifiers/lookup?value=VIP-0001&type=memberCard');
    expect(found.json().items).toMatchObject([{ recordType: 'customer', title: '瑞丰贸易' }]);

    const twice = await admin.post('/api/v1/identifier-types', { key: 'memberCard', label: label('重复', 'Again') });
    expect(twice.statusCode).toBe(409);
    expect((await types()).filter((k) => k === 'memberCard')).toHaveLength(1);
  });
});
