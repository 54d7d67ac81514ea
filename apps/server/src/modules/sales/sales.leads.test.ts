// Leads through the HTTP API: assignment rules route new leads (by region, source, interest; to a user or in turns
// inside a unit; a disabled target falls through and is reported), public web forms keep robots out, and conversion
// attaches the lead to an existing customer found by the duplicate rules instead of creating a twin — once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../test/harness/testApp.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { notifications } from '../../platform/events/events.schema.ts';
import { users } from '../../platform/access/access.schema.ts';
import { HOURLY_LIMIT, MIN_FILL_MS } from './sales.forms.ts';
import { buildRoutingWorld, type RoutingWorld } from './sales.leads.testSetup.ts';

describe('leads', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;
  let people: RoutingWorld['people'];
  let units: RoutingWorld['units'];

  beforeAll(async () => {
    ({ t, admin, adminId, people, units } = await buildRoutingWorld());
  });
  afterAll(async () => t?.close());

  const createLead = (fields: Record<string, unknown>) => admin.post('/api/v1/leads', { name: '访客', ...fields });

  it('are routed by the first matching rule, in turns inside a unit, and keep the rule that fired', async () => {
    const owners: string[] = [];
    for (const name of ['张一', '张二', '张三']) {
      const res = await createLead({ name, province: '浙江省' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ assignedByRule: '浙江沪苏归东区', orgUnitId: units.east, status: 'new' });
      owners.push(res.json().ownerId);
    }
    expect(new Set(owners)).toEqual(new Set([people.eastA!.id, people.eastB!.id]));
    expect(owners[0]).toBe(owners[2]);
    // The earlier rule wins: parcels go to the specialist even from 浙江.
    expect((await createLead({ province: '浙江省', interest: 'parcel' })).json()).toMatchObject({
      ownerId: people.parcels!.id,
      assignedByRule: '包裹意向给专人',
    });
    // No rule matches: the creator keeps it. Naming an owner skips the rules.
    expect((await createLead({ province: '广东省' })).json()).toMatchObject({ ownerId: adminId, assignedByRule: null });
    const named = await createLead({ province: '浙江省', ownerId: people.west!.id });
    expect(named.json()).toMatchObject({ ownerId: people.west!.id, assignedByRule: null });
  });

  it('skip a rule whose user is disabled, go on to the next, and tell the administrators', async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.id, people.parcels!.id));
    const res = await createLead({ province: '四川省', interest: 'parcel' });
    expect(res.json()).toMatchObject({ assignedByRule: '川渝归西区', orgUnitId: units.west });
    // Least loaded: of the two west members the one without open leads.
    expect(res.json().ownerId).toBe(people.west!.id);
    await t.app.jobs.tick();
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, adminId));
    expect(told.map((n) => n.title)).toContain('分配规则“包裹意向给专人”指向已停用的用户或组织，线索已交给下一条规则。');
    await t.db.update(users).set({ active: true }).where(eq(users.id, people.parcels!.id));
  });

  it('refuse a rule without a target, disqualifying without a reason, and setting converted by hand', async () => {
    const rule = await admin.put('/api/v1/lead-assignment-rules', { rules: [{ name: '无目标' }] });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.details[0]).toMatchObject({ field: 'rules.0.targetUserId', code: 'RULE_TARGET_REQUIRED' });
    const lead = (await createLead({ name: '李四' })).json();
    const noReason = await admin.patch(`/api/v1/leads/${lead.id}`, { status: 'disqualified' }, { 'if-match': '1' });
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'disqualifyReason', code: 'DISQUALIFY_REASON_REQUIRED' });
    const byHand = await admin.patch(`/api/v1/leads/${lead.id}`, { status: 'converted' }, { 'if-match': '1' });
    expect(byHand.json().error.details[0]).toMatchObject({ field: 'status', code: 'LEAD_STATUS_BY_ACTION' });
  });

  it('convert into the existing customer the duplicate rules find, with a contact and an opportunity, once', async () => {
    const existing = await buildCustomer(admin, { name: '宁波天一阁博物院' });
    await admin.post(`/api/v1/customers/${existing.id}/identifiers`, { type: 'phone', value: '0574-8729 3526' });
    const lead = (await createLead({ name: '陈馆员', company: '天一阁博物院', phone: '057487293526', title: '采购主管' })).json();
    const preview = (await admin.get(`/api/v1/leads/${lead.id}/convert`)).json();
    expect(preview.candidates[0]).toMatchObject({ id: existing.id, reason: 'identifier' });
    // Without a choice the twin is refused, with the candidates to choose from.
    const twin = await admin.post(`/api/v1/leads/${lead.id}/convert`, { version: 1 });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.code).toBe('CONVERT_MATCHES_EXISTING');
    expect(twin.json().error.candidates[0].id).toBe(existing.id);

    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      customerId: existing.id,
      opportunity: { name: '古籍修复设备', amount: '56000.00' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({
      customerId: existing.id,
      matchedExisting: true,
      contactId: expect.any(String),
      opportunityId: expect.any(String),
    });
    const contact = (await admin.get(`/api/v1/contacts/${result.contactId}`)).json();
    expect(contact).toMatchObject({ name: '陈馆员', title: '采购主管', customerId: existing.id });
    const opportunity = (await admin.get(`/api/v1/opportunities/${result.opportunityId}`)).json();
    expect(opportunity).toMatchObject({
      customerId: existing.id,
      contactId: result.contactId,
      leadId: lead.id,
      amount: '56000.00',
    });
    expect((await admin.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({
      status: 'converted',
      convertedCustomerId: existing.id,
      version: 2,
    });
    // On the customer's timeline.
    const timeline = (await admin.get(`/api/v1/customers/${existing.id}/timeline?types=opportunity,lead`)).json();
    expect(timeline.items.map((e: { type: string }) => e.type).sort()).toEqual(['lead', 'opportunity']);

    const again = await admin.post(`/api/v1/leads/${lead.id}/convert`, { version: 2, createNew: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LEAD_ALREADY_CONVERTED');
  });

  it('convert into a new customer when confirmed, and refuse a disqualified lead', async () => {
    const lead = (await createLead({ name: '王先生', mobile: '139 1234 5678' })).json();
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, createNew: true });
    expect(res.statusCode, res.body).toBe(200);
    const customer = (await admin.get(`/api/v1/customers/${res.json().customerId}`)).json();
    expect(customer).toMatchObject({ name: '王先生', kind: 'individual' });
    // An individual is its own contact; the mobile is on the customer, so its tail finds it.
    expect(res.json().contactId).toBeNull();
    const found = (await admin.get('/api/v1/search?q=5678&types=customer')).json();
    expect(found.groups[0].items.map((i: { id: string }) => i.id)).toContain(customer.id);

    const spam = (await createLead({ name: '垃圾', status: 'disqualified', disqualifyReason: 'spam' })).json();
    const refused = await admin.post(`/api/v1/leads/${spam.id}/convert`, { version: 1, createNew: true });
    expect(refused.json().error.code).toBe('LEAD_DISQUALIFIED');
  });

  describe('public web form', () => {
    let formKey: string;
    beforeAll(async () => {
      const form = await admin.post('/api/v1/lead-forms', {
        key: 'spring-fair-2027',
        name: '春季书展',
        campaign: '2027春季书展',
        fallbackUserId: adminId,
      });
      expect(form.statusCode, form.body).toBe(201);
      formKey = form.json().key;
    });

    const post = (body: Record<string, unknown>, ip = '203.0.113.7') =>
      t.anonymous.request({
        method: 'POST',
        url: `/api/v1/public/lead-forms/${formKey}`,
        payload: { startedAt: Date.now() - 60_000, ...body },
        remoteAddress: ip,
      });

    it('takes a visitor’s lead without sign-in, routes it and tells the new owner', async () => {
      const res = await post({ name: '刘女士', company: '上海图书馆', mobile: '13600001111', province: '上海市' });
      expect(res.statusCode, res.body).toBe(202);
      const lead = (await admin.get(`/api/v1/leads?filter[mobile][eq]=13600001111`)).json().items[0];
      expect(lead).toMatchObject({
        source: 'web_form',
        campaign: '2027春季书展',
        assignedByRule: '浙江沪苏归东区',
        orgUnitId: units.east,
      });
      const told = await t.db.select().from(notifications).where(eq(notifications.userId, lead.ownerId));
      expect(told.map((n) => n.title)).toContain('新线索：刘女士');
    });

    it('answers robots like people but keeps nothing: a trap field, a post too fast, a repeat', async () => {
      const count = async () => (await admin.get('/api/v1/leads?total=true&filter[source][eq]=web_form')).json().total as number;
      const before = await count();
      expect(
        (await post({ name: 'bot', mobile: '13700000001', website: 'http://spam.example' }, '198.51.100.1')).statusCode,
      ).toBe(202);
      expect(
        (await post({ name: 'bot', mobile: '13700000002', startedAt: Date.now() - MIN_FILL_MS / 3 }, '198.51.100.1')).statusCode,
      ).toBe(202);
      expect((await post({ name: '刘女士', mobile: '13600001111' }, '198.51.100.2')).statusCode).toBe(202);
      expect(await count()).toBe(before);
    });

    it('limits posts per address and hour, refuses bad input with the field named, and unknown forms', async () => {
      const bad = await post({ name: '' }, '198.51.100.9');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name']));
      for (let i = 0; i < HOURLY_LIMIT; i++) await post({ name: `访客${i}`, email: `v${i}@example.com` }, '198.51.100.10');
      const limited = await post({ name: '再来', email: 'again@example.com' }, '198.51.100.10');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const unknown = await t.anonymous.post('/api/v1/public/lead-forms/no-such-form', { name: 'x', mobile: '1', startedAt: 1 });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
