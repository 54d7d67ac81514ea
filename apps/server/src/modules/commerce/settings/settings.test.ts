// The commerce settings: letterhead and defaults (If-Match, the logo checked by its bytes), discount limits per role,
// the approval chain — read by everyone, saved by administrators, every bad field named and nothing half written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalChain, CommerceSettings, DiscountLimits } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { demoLogo } from './settings.demoLogo.ts';
import { getCommerceSettings } from './settings.service.ts';

let t: TestApp;
let admin: TestClient;
let rep: TestClient;
let repRole: string;
let managerRole: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildAdmin(t.db);
  admin = await t.as(a.user.id);
  const unit = await buildOrgUnit(t.db, { parentId: a.root.id });
  repRole = (await buildRole(t.db, { name: '销售代表' })).id;
  managerRole = (await buildRole(t.db, { name: '分公司经理' })).id;
  rep = await t.as((await buildUser(t.db, { orgUnitId: unit.id, roleIds: [repRole] })).id);
});
afterAll(async () => {
  await t?.close();
});

const letterhead = {
  companyName: '关系示范贸易有限公司',
  companyAddress: '上海市浦东新区张江路 1288 号',
  companyPhone: '021-5080 1234',
  taxNumber: '91310115MA1K4GX72Q',
  bankAccount: '中国工商银行上海张江支行 1001 2345 0900 0123 456',
  logo: null,
  rounding: 'perTotal',
  prices: 'exclusive',
  quoteValidityDays: 15,
  quoteTerms: '款到发货。',
  contractRenewalDays: 45,
  dunningIntervalDays: 5,
};

describe('letterhead and defaults', () => {
  it('are read by every signed-in user and saved by administrators with If-Match', async () => {
    const first = await rep.get('/api/v1/commerce/settings');
    expect(first.statusCode).toBe(200);
    const before = first.json() as CommerceSettings;
    expect((await t.anonymous.get('/api/v1/commerce/settings')).statusCode).toBe(401);
    expect((await rep.put('/api/v1/commerce/settings', letterhead, { 'if-match': `"${before.version}"` })).statusCode).toBe(403);
    expect((await admin.put('/api/v1/commerce/settings', letterhead)).statusCode).toBe(428);

    const saved = await admin.put('/api/v1/commerce/settings', letterhead, { 'if-match': `"${before.version}"` });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...letterhead, version: before.version + 1 });
    expect(saved.headers.etag).toBe(`"${before.version + 1}"`);
    // Quotes read the settings through the service, served from memory: the save is visible at once.
    expect(await getCommerceSettings(t.db)).toMatchObject({ companyName: '关系示范贸易有限公司', rounding: 'perTotal' });

    const stale = await admin.put(
      '/api/v1/commerce/settings',
      { ...letterhead, companyName: '旧名称' },
      { 'if-match': `"${before.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.current).toMatchObject({ companyName: '关系示范贸易有限公司', version: before.version + 1 });
    expect(((await rep.get('/api/v1/commerce/settings')).json() as CommerceSettings).companyName).toBe('关系示范贸易有限公司');
  });

  it('takes a PNG or JPEG logo of at most 300 KB, known by its bytes, and refuses anything else naming `logo`', async () => {
    const current = () => rep.get('/api/v1/commerce/settings').then((r) => r.json() as CommerceSettings);
    const save = async (logo: string | null, extra: Record<string, unknown> = {}) =>
      admin.put('/api/v1/commerce/settings', { ...letterhead, ...extra, logo }, { 'if-match': `"${(await current()).version}"` });
    const refused = async (logo: string, code: string) => {
      const res = await save(logo);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'logo', code })]);
    };
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
    await refused(gif, 'LOGO_NOT_IMAGE');
    // A "PNG" by name only: the bytes are text.
    await refused(Buffer.from('not really a png').toString('base64'), 'LOGO_NOT_IMAGE');
    await refused('%%%', 'LOGO_NOT_BASE64');
    const big = Buffer.concat([Buffer.from(demoLogo(), 'base64'), Buffer.alloc(300 * 1024)]).toString('base64');
    await refused(big, 'LOGO_TOO_LARGE');
    expect((await current()).logo).toBeNull();

    const png = demoLogo();
    const ok = await save(`data:image/png;base64,${png}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ logo: png, logoType: 'image/png' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]).toString('base64');
    expect((await save(jpeg)).json()).toMatchObject({ logo: jpeg, logoType: 'image/jpeg' });
    expect((await save(null)).json()).toMatchObject({ logo: null, logoType: null });
  });

  it('names each bad default', async () => {
    const version = ((await rep.get('/api/v1/commerce/settings')).json() as CommerceSettings).version;
    const res = await admin.put(
      '/api/v1/commerce/settings',
      { ...letterhead, rounding: 'perPage', quoteValidityDays: 0 },
      { 'if-match': `"${version}"` },
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['quoteValidityDays', 'rounding']);
  });
});

describe('discount limits', () => {
  it('lists every role with its limit; saved whole by administrators, 0–100 with two decimals, each bad row named', async () => {
    const bad = await admin.put('/api/v1/commerce/discount-limits', {
      limits: [
        { roleId: repRole, maxPercent: '5' },
        { roleId: managerRole, maxPercent: '15' },
        { roleId: managerRole, maxPercent: '12.345' },
        { roleId: repRole, maxPercent: 101 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['limits.2.roleId', 'LIMIT_ROLE_DUPLICATE'],
      ['limits.2.maxPercent', 'LIMIT_PERCENT_DECIMALS'],
      ['limits.3.roleId', 'LIMIT_ROLE_DUPLICATE'],
      ['limits.3.maxPercent', 'LIMIT_PERCENT_RANGE'],
    ]);
    expect(
      (await rep.put('/api/v1/commerce/discount-limits', { limits: [{ roleId: repRole, maxPercent: '50' }] })).statusCode,
    ).toBe(403);

    const saved = await admin.put('/api/v1/commerce/discount-limits', {
      limits: [
        { roleId: repRole, maxPercent: 5 },
        { roleId: managerRole, maxPercent: '15.5' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const read = (await rep.get('/api/v1/commerce/discount-limits')).json() as DiscountLimits;
    const of = (id: string) => read.items.find((i) => i.roleId === id)?.maxPercent;
    expect([of(repRole), of(managerRole)]).toEqual(['5.00', '15.50']);
    // Saved whole: a role left out has no limit any more.
    await admin.put('/api/v1/commerce/discount-limits', { limits: [{ roleId: managerRole, maxPercent: '0' }] });
    const again = (await rep.get('/api/v1/commerce/discount-limits')).json() as DiscountLimits;
    expect(again.items.find((i) => i.roleId === repRole)?.maxPercent).toBeNull();
    expect(again.items.find((i) => i.roleId === managerRole)?.maxPercent).toBe('0.00');
  });
});

describe('the approval chain', () => {
  const step = (name: string, roleId: string, upToPercent: string | number | null, more: Record<string, unknown> = {}) => ({
    name,
    roleId,
    upToPercent,
    appliesTo: ['quote', 'order'],
    ...more,
  });

  it('is saved whole in order: limits rising, only the last step unlimited, roles that exist; else nothing changes', async () => {
    const good = await admin.put('/api/v1/commerce/approval-chain', {
      steps: [step('分公司经理审批', managerRole, '20'), step('总部审批', repRole, null, { appliesTo: ['quote'] })],
    });
    expect(good.statusCode).toBe(200);
    const chain = (await rep.get('/api/v1/commerce/approval-chain')).json() as ApprovalChain;
    expect(chain.steps.map((s) => [s.position, s.name, s.roleName, s.upToPercent, s.appliesTo])).toEqual([
      [1, '分公司经理审批', '分公司经理', '20.00', ['quote', 'order']],
      [2, '总部审批', '销售代表', null, ['quote']],
    ]);

    const bad = await admin.put('/api/v1/commerce/approval-chain', {
      steps: [
        step('一级', managerRole, null),
        step('二级', '00000000-0000-7000-8000-000000000000', '30'),
        step('三级', managerRole, '30'),
        step('四级', managerRole, '100.5'),
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['steps.1.roleId', 'ROLE_NOT_FOUND'],
      ['steps.3.upToPercent', 'STEP_PERCENT_RANGE'],
      ['steps.0.upToPercent', 'STEP_UNLIMITED_NOT_LAST'],
      ['steps.2.upToPercent', 'STEP_NOT_INCREASING'],
    ]);
    const wrongKind = await admin.put('/api/v1/commerce/approval-chain', {
      steps: [step('一级', managerRole, '10', { appliesTo: ['invoice'] })],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0].field).toMatch(/^steps\.0\.appliesTo/);
    expect((await rep.put('/api/v1/commerce/approval-chain', { steps: [] })).statusCode).toBe(403);
    expect(((await rep.get('/api/v1/commerce/approval-chain')).json() as ApprovalChain).steps).toHaveLength(2);

    // An inactive step is kept but left out of the rising rule.
    const withInactive = await admin.put('/api/v1/commerce/approval-chain', {
      steps: [step('一级', managerRole, '20'), step('停用', managerRole, '5', { active: false }), step('二级', repRole, null)],
    });
    expect(withInactive.statusCode).toBe(200);
  });
});
