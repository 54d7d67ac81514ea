// The demo generator on its own: the same seed gives the same customers, every value is one the customer rules
// accept (regions from the bundled list, phones, plates, credit codes), names look like names, and the mix of
// kinds, grades and stages is what a real customer base looks like.
import { describe, expect, it } from 'vitest';
import { regionProblems } from '../../modules/customers/customers.regions.ts';
import { BUILT_IN_IDENTIFIER_TYPES } from '../../modules/customers/customers.identifiers.ts';
import {
  CUSTOMER_TYPES,
  DECISION_ROLES,
  GRADES,
  INDUSTRIES,
  LIFECYCLE_STAGES,
  SOURCES,
  TAGS,
} from '../../modules/customers/customers.options.ts';
import { normalizePhone } from '../../platform/search/search.text.ts';
import { generateCustomer, generateCustomers, type GeneratedCustomer } from './demo.generator.ts';
import { CREDIT_CODE_PATTERN, MOBILE_PATTERN, PLATE_PATTERN, usccCheck } from './demo.generator.identifiers.ts';
import { GENERATED_SURNAMES } from './demo.generator.people.ts';
import { PLATE_ABBREVIATIONS } from './demo.generator.places.ts';
import { permute } from './demo.generator.random.ts';

const ANCHOR = Date.UTC(2026, 10, 29, 4);
const sample = (count: number, seed = 7): GeneratedCustomer[] => [...generateCustomers({ seed, anchor: ANCHOR, count })];
const customers = sample(3000);
const values = (options: readonly { value: string }[]) => new Set(options.map((o) => o.value));
const identifiersOf = (type: string) =>
  customers.flatMap((c) => c.identifiers.filter((i) => i.type === type).map((i) => i.value));

describe('demo generator', () => {
  it('gives the same customers for the same seed and anchor, different ones for another seed', () => {
    expect(sample(200)).toEqual(customers.slice(0, 200));
    expect(generateCustomer({ seed: 7, anchor: ANCHOR }, 1234)).toEqual(generateCustomer({ seed: 7, anchor: ANCHOR }, 1234));
    const other = sample(200, 8);
    expect(other.filter((c, i) => c.customer.name === customers[i]!.customer.name).length).toBeLessThan(10);
    // A fingerprint of the first rows, so a change of the output (which changes every demo install) is deliberate.
    expect(customers.slice(0, 3).map((c) => c.customer.name)).toEqual([
      '南宁美达电器有限责任公司',
      '运城市人民政府',
      '北京凯旋融资租赁有限公司',
    ]);
  });

  it('resumes from a row with the same rows it would have given', () => {
    const tail = [...generateCustomers({ seed: 7, anchor: ANCHOR, count: 3000, from: 2990 })];
    expect(tail).toEqual(customers.slice(2990));
  });

  it('uses only regions of the bundled list and choices the customer fields offer', () => {
    const choices = {
      customerType: values(CUSTOMER_TYPES),
      industry: values(INDUSTRIES),
      grade: values(GRADES),
      lifecycleStage: values(LIFECYCLE_STAGES),
      source: values(SOURCES),
    };
    for (const { customer } of customers) {
      expect(regionProblems(customer), `${customer.name} ${customer.province}${customer.city}`).toEqual([]);
      expect(customer.city).toBeTruthy();
      for (const [field, allowed] of Object.entries(choices))
        expect(allowed.has(customer[field as keyof typeof choices]), `${field} ${customer[field as keyof typeof choices]}`).toBe(
          true,
        );
      for (const tag of customer.tags ?? []) expect(values(TAGS).has(tag)).toBe(true);
      expect(customer.firstContactDate <= '2026-11-29').toBe(true);
    }
  });

  it('gives names with every part: organisations end in what they are, people have a known surname and a given name', () => {
    const people = customers.filter((c) => c.customer.kind === 'individual').map((c) => c.customer.name);
    people.push(...customers.flatMap((c) => c.contacts.map((p) => p.name)));
    for (const name of people) {
      const surname = GENERATED_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
      expect(surname, name).toBeDefined();
      expect(name.length).toBeLessThanOrEqual(surname!.length + 2);
    }
    const organisations = customers.filter((c) => c.customer.kind === 'organisation');
    for (const { customer } of organisations) {
      expect(customer.name).toMatch(/(公司|图书馆|大学|学院|学校|中学|小学|政府|局|委员会|支队|医院|中心|馆|电视台|研究院)$/);
      expect(customer.shortName!.length).toBeGreaterThanOrEqual(2);
      expect(customer.name).not.toMatch(/undefined|null/);
    }
    // Organisations never share a name; the stream rolls a taken one again.
    expect(new Set(organisations.map((c) => c.customer.name)).size).toBe(organisations.length);
    // Libraries, universities and government bodies look like themselves.
    const typeOf = (t: string) => organisations.filter((c) => c.customer.customerType === t).map((c) => c.customer.name);
    for (const name of typeOf('library')) expect(name).toMatch(/图书馆$/);
    for (const name of typeOf('university')) expect(name).toMatch(/(大学|学院)$/);
    for (const name of typeOf('enterprise')) expect(name).toMatch(/公司$/);
  });

  it('gives phones, plates, policy and credit codes of the right shape that the identifier rules accept', () => {
    const types = new Map(BUILT_IN_IDENTIFIER_TYPES.map((t) => [t.key, t]));
    for (const { identifiers } of customers)
      for (const { type, value } of identifiers) {
        const rule = types.get(type)!;
        expect(rule.pattern ? rule.pattern.test(rule.normalize(value)) : true, `${type} ${value}`).toBe(true);
      }
    const mobiles = [...identifiersOf('mobile'), ...customers.flatMap((c) => c.contacts.map((p) => p.mobile))];
    for (const mobile of mobiles) expect(mobile).toMatch(MOBILE_PATTERN);
    for (const phone of identifiersOf('phone')) expect(normalizePhone(phone)).toMatch(/^0\d{9,11}$/);
    const plates = identifiersOf('plate');
    for (const plate of plates) {
      expect(plate).toMatch(PLATE_PATTERN);
      expect(PLATE_ABBREVIATIONS).toContain(plate[0]);
    }
    // Some green new-energy plates (six characters after the city letter), mostly blue ones.
    const green = plates.filter((p) => p.length === 9).length;
    expect(green / plates.length).toBeGreaterThan(0.1);
    expect(green / plates.length).toBeLessThan(0.4);
    for (const code of identifiersOf('taxNumber')) {
      expect(code).toMatch(CREDIT_CODE_PATTERN);
      expect(usccCheck(code.slice(0, 17))).toBe(code[17]);
    }
    for (const policy of identifiersOf('policy')) expect(policy).toMatch(/^P(DAA|DZA|EAB)20\d{2}\d{6}\d{8}$/);
    // The types that must be unique are.
    for (const type of ['plate', 'policy', 'taxNumber'])
      expect(new Set(identifiersOf(type)).size).toBe(identifiersOf(type).length);
  });

  it('gives organisations one to three contacts with a title, department and decision role, and an e-mail at their domain', () => {
    const roles = values(DECISION_ROLES);
    for (const { customer, contacts } of customers) {
      if (customer.kind === 'individual') {
        expect(contacts).toEqual([]);
        continue;
      }
      expect(contacts.length).toBeGreaterThanOrEqual(1);
      expect(contacts.length).toBeLessThanOrEqual(3);
      for (const contact of contacts) {
        expect(contact.title && contact.department).toBeTruthy();
        expect(roles.has(contact.decisionRole)).toBe(true);
        expect(contact.email).toMatch(/^[a-z]+@[a-z0-9.]+\.(cn|com)$/);
        expect(customer.website).toContain(contact.email.split('@')[1]);
        if (contact.phone) expect(contact.phone).toMatch(/^\+?[0-9][0-9 ()-]{2,29}$/);
      }
    }
  });

  it('spreads activities over the past year, with some planned in the coming weeks', () => {
    const all = customers.flatMap((c) => c.activities.map((a) => ({ ...a, at: Date.parse(String(a.values.occurredAt)) })));
    expect(new Set(all.map((a) => a.kind))).toEqual(new Set(['call', 'visit', 'meeting', 'task', 'note']));
    const day = 86_400_000;
    for (const a of all) {
      expect(a.at).toBeGreaterThan(ANCHOR - 370 * day);
      expect(a.at).toBeLessThan(ANCHOR + 22 * day);
    }
    const ahead = all.filter((a) => a.at > ANCHOR);
    expect(ahead.length / customers.length).toBeGreaterThan(0.1);
    for (const a of ahead) {
      expect(['task', 'visit']).toContain(a.kind);
      expect(Date.parse(String(a.values.remindAt))).toBeGreaterThan(ANCHOR);
    }
    for (const call of all.filter((a) => a.kind === 'call'))
      expect(call.values.outcome === 'connected' ? Number(call.values.durationSeconds) > 0 : true).toBe(true);
    for (const meeting of all.filter((a) => a.kind === 'meeting'))
      expect(Date.parse(String(meeting.values.endsAt))).toBeGreaterThan(Date.parse(String(meeting.values.startsAt)));
    // Every customer has a history; key accounts a longer one than lost customers.
    const mean = (stage: string) => {
      const of = customers.filter((c) => c.customer.lifecycleStage === stage);
      return of.reduce((n, c) => n + c.activities.length, 0) / of.length;
    };
    expect(customers.every((c) => c.activities.length > 0)).toBe(true);
    expect(mean('key')).toBeGreaterThan(2 * mean('lost'));
  });

  it('has the mix of a real customer base: mostly companies, some individuals, few A grades, surnames by frequency', () => {
    const share = (predicate: (c: GeneratedCustomer) => boolean) => customers.filter(predicate).length / customers.length;
    expect(share((c) => c.customer.kind === 'individual')).toBeGreaterThan(0.1);
    expect(share((c) => c.customer.kind === 'individual')).toBeLessThan(0.2);
    expect(share((c) => c.customer.customerType === 'enterprise')).toBeGreaterThan(0.4);
    for (const type of ['library', 'university', 'government', 'school', 'stateOwned'])
      expect(
        share((c) => c.customer.customerType === type),
        type,
      ).toBeGreaterThan(0.01);
    expect(share((c) => c.customer.grade === 'A')).toBeLessThan(0.2);
    expect(share((c) => c.customer.grade === 'C')).toBeGreaterThan(share((c) => c.customer.grade === 'A'));
    // Guangdong and Jiangsu have many more customers than Qinghai; all 31 mainland provinces appear.
    const perProvince = new Map<string, number>();
    for (const { customer } of customers) perProvince.set(customer.province, (perProvince.get(customer.province) ?? 0) + 1);
    expect(perProvince.get('广东省')!).toBeGreaterThan(5 * (perProvince.get('青海省') ?? 0));
    expect(perProvince.size).toBeGreaterThanOrEqual(28);
    // 王, 李, 张 are each far commoner than 孔.
    const people = customers.flatMap((c) => [
      c.customer.kind === 'individual' ? c.customer.name : '',
      ...c.contacts.map((p) => p.name),
    ]);
    const bySurname = (s: string) => people.filter((n) => n.startsWith(s)).length;
    for (const common of ['王', '李', '张']) expect(bySurname(common)).toBeGreaterThan(5 * Math.max(1, bySurname('孔')));
  });

  it('permutes row numbers without collisions, so unique identifiers stay unique', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(permute(i, 5000, 42));
    expect(seen.size).toBe(5000);
    expect([...seen].every((n) => n >= 0 && n < 5000)).toBe(true);
  });
});
