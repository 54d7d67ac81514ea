// The demo data generator: realistic Chinese organisations and people with their regions, identifiers, contacts and
// activities, deterministic by seed — the same seed and anchor give the same customers on every machine. Pure: it
// writes nothing; demo.generated.ts writes its output at first start, and the bench can stream a million rows from it.
import { pickActivities, type GeneratedActivity } from './demo.generator.activities.ts';
import { creditCode, landline, licencePlate, mobileNumber, policyNumber } from './demo.generator.identifiers.ts';
import { pickOrganisation, type Organisation, type OrganisationType } from './demo.generator.organisations.ts';
import { pickPerson, type Person } from './demo.generator.people.ts';
import { pickPlace, type Place } from './demo.generator.places.ts';
import { Rng } from './demo.generator.random.ts';

export type GeneratedContact = {
  name: string;
  title: string;
  department: string;
  decisionRole: string;
  mobile: string;
  phone?: string;
  email: string;
  preferredChannel: string;
  birthday?: string;
};

export interface GeneratedCustomer {
  /** Row number in the stream, from 0. */
  row: number;
  /** Customer fields as the API takes them. */
  customer: {
    name: string;
    shortName?: string;
    kind: 'organisation' | 'individual';
    customerType: OrganisationType | 'individual';
    industry: string;
    grade: string;
    lifecycleStage: string;
    status: string;
    source: string;
    firstContactDate: string;
    province: string;
    city: string;
    district?: string;
    address: string;
    website?: string;
    tags?: string[];
  };
  identifiers: { type: string; value: string }[];
  contacts: GeneratedContact[];
  activities: GeneratedActivity[];
}

export interface GeneratorOptions {
  seed: number;
  /** The "today" relative dates are counted from (ms since the epoch); fix it for output that never changes. */
  anchor: number;
}

const DAY = 86_400_000;

const STAGE_GRADES: Record<string, readonly (readonly [string, number])[]> = {
  key: [
    ['A', 7],
    ['B', 3],
  ],
  active: [
    ['A', 15],
    ['B', 40],
    ['C', 35],
    ['D', 10],
  ],
  prospect: [
    ['B', 20],
    ['C', 50],
    ['D', 30],
  ],
  dormant: [
    ['B', 10],
    ['C', 45],
    ['D', 45],
  ],
  lost: [
    ['C', 40],
    ['D', 60],
  ],
};

const SOURCES = [
  ['referral', 20],
  ['exhibition', 12],
  ['tender', 12],
  ['website', 14],
  ['phone', 12],
  ['coldCall', 10],
  ['partner', 8],
  ['marketing', 10],
  ['other', 2],
] as const;

const ROADS = '人民路 解放路 中山路 建设路 和平路 新华路 长江路 文化路 科技路 学府路 滨江路 朝阳路 青年路 胜利路 东风路'.split(
  ' ',
);

type Role = readonly [title: string, department: string, decisionRole: string];
const ROLES_OF: Record<'library' | 'university' | 'school' | 'public' | 'company', readonly Role[]> = {
  library: [
    ['馆长', '馆办公室', 'decisionMaker'],
    ['副馆长', '馆办公室', 'decisionMaker'],
    ['采编部主任', '采编部', 'influencer'],
    ['信息技术部主任', '信息技术部', 'influencer'],
    ['采购专员', '办公室', 'buyer'],
    ['流通部馆员', '流通部', 'user'],
  ],
  university: [
    ['图书馆馆长', '图书馆', 'decisionMaker'],
    ['采购与招标管理中心主任', '采购与招标管理中心', 'buyer'],
    ['信息化办公室主任', '信息化办公室', 'influencer'],
    ['科研处副处长', '科研处', 'influencer'],
    ['实验室管理员', '实验室与设备管理处', 'user'],
  ],
  school: [
    ['校长', '校长室', 'decisionMaker'],
    ['总务主任', '总务处', 'buyer'],
    ['信息技术教师', '信息中心', 'user'],
    ['办公室主任', '办公室', 'gatekeeper'],
  ],
  public: [
    ['主任', '办公室', 'decisionMaker'],
    ['办公室主任', '办公室', 'gatekeeper'],
    ['科长', '规划财务科', 'influencer'],
    ['科员', '信息中心', 'user'],
    ['采购专干', '财务科', 'buyer'],
  ],
  company: [
    ['总经理', '总经理办公室', 'decisionMaker'],
    ['采购经理', '采购部', 'buyer'],
    ['财务总监', '财务部', 'influencer'],
    ['IT经理', '信息部', 'influencer'],
    ['行政主管', '行政部', 'gatekeeper'],
    ['项目专员', '项目部', 'user'],
    ['运营总监', '运营中心', 'influencer'],
  ],
};

function rolesOf(type: OrganisationType): readonly Role[] {
  if (type === 'library' || type === 'university' || type === 'school') return ROLES_OF[type];
  if (type === 'government' || type === 'publicInstitution' || type === 'research') return ROLES_OF.public;
  return ROLES_OF.company;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function contactOf(rng: Rng, org: Organisation, place: Place, role: Role): GeneratedContact {
  const person = pickPerson(rng);
  const phone = landline(rng, place);
  return {
    name: person.name,
    title: role[0],
    department: role[1],
    decisionRole: role[2],
    mobile: mobileNumber(rng),
    ...(phone && rng.chance(0.6) ? { phone: `${phone}-${rng.int(800, 8999)}` } : {}),
    email: `${person.pinyinShort}@${org.domain}`,
    preferredChannel: rng.weighted([
      ['wechat', 45],
      ['mobile', 25],
      ['phone', 15],
      ['email', 12],
      ['visit', 3],
    ] as const),
    ...(rng.chance(0.3) ? { birthday: `${rng.int(1965, 1998)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}` } : {}),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function tagsOf(rng: Rng, stage: string, type: string): string[] {
  const tags: string[] = [];
  if (stage === 'key' && rng.chance(0.6)) tags.push('vip');
  if ((stage === 'key' || stage === 'active') && rng.chance(0.3)) tags.push('annualContract');
  if ((type === 'government' || type === 'publicInstitution' || type === 'university') && rng.chance(0.5))
    tags.push('governmentProcurement');
  if (rng.chance(0.12)) tags.push(rng.pick(['priceSensitive', 'needsVisit', 'repeatBuyer', 'overdue']));
  return tags;
}

/**
 * Customer number `row` of the stream; `attempt` re-rolls it (the stream does when a name is taken). Identifiers
 * that must be unique depend on `row` alone, so they stay unique whichever attempt is kept.
 */
export function generateCustomer(options: GeneratorOptions, row: number, attempt = 0): GeneratedCustomer {
  const rng = new Rng(options.seed, row, attempt);
  const place = pickPlace(rng);
  const stage = rng.weighted([
    ['prospect', 28],
    ['active', 40],
    ['key', 8],
    ['dormant', 14],
    ['lost', 10],
  ] as const);
  const grade = rng.weighted(STAGE_GRADES[stage]!);
  // Prospects were met this year; customers of longer standing up to ten years ago, key accounts longest.
  const yearsBack = stage === 'prospect' ? rng.next() : stage === 'key' ? 3 + rng.next() * 7 : 1 + rng.next() * 8;
  const firstContactDate = isoDate(options.anchor - Math.floor(yearsBack * 365 + 1) * DAY);
  const address = `${place.district ?? ''}${rng.pick(ROADS)}${rng.int(1, 999)}号`;
  const common = {
    grade,
    lifecycleStage: stage,
    status: stage === 'lost' && rng.chance(0.5) ? 'inactive' : 'active',
    source: rng.weighted(SOURCES),
    firstContactDate,
    province: place.province,
    city: place.city,
    ...(place.district ? { district: place.district } : {}),
  };
  if (rng.chance(0.15)) return individual(options, rng, row, place, common, address);

  const org = pickOrganisation(rng, place);
  const tags = tagsOf(rng, stage, org.customerType);
  const identifiers: GeneratedCustomer['identifiers'] = [];
  if (grade === 'A' || grade === 'B' || rng.chance(0.6))
    identifiers.push({ type: 'taxNumber', value: creditCode(org.usccKind, place, row) });
  const switchboard = landline(rng, place);
  if (switchboard && rng.chance(0.6)) identifiers.push({ type: 'phone', value: switchboard });
  const roles = [...rolesOf(org.customerType)];
  const contacts: GeneratedContact[] = [];
  for (
    let n = rng.weighted([
      [1, 40],
      [2, 35],
      [3, 25],
    ] as const);
    n > 0;
    n--
  )
    contacts.push(contactOf(rng, org, place, roles.splice(rng.int(0, roles.length - 1), 1)[0]!));
  return {
    row,
    customer: {
      name: org.name,
      shortName: org.shortName,
      kind: 'organisation',
      customerType: org.customerType,
      industry: org.industry,
      ...common,
      address: `${place.municipality ? '' : place.city}${address}`,
      website: `https://www.${org.domain}`,
      ...(tags.length ? { tags } : {}),
    },
    identifiers,
    contacts,
    activities: pickActivities(rng, options.anchor, stage, contacts.length),
  };
}

function individual(
  options: GeneratorOptions,
  rng: Rng,
  row: number,
  place: Place,
  common: Omit<GeneratedCustomer['customer'], 'name' | 'kind' | 'customerType' | 'industry' | 'address'>,
  address: string,
): GeneratedCustomer {
  const person: Person = pickPerson(rng);
  const identifiers: GeneratedCustomer['identifiers'] = [{ type: 'mobile', value: mobileNumber(rng) }];
  // Many individual customers are drivers: the insurer finds them by plate or policy number.
  if (rng.chance(0.65)) {
    identifiers.push({ type: 'plate', value: licencePlate(rng, place, row) });
    if (rng.chance(0.6))
      identifiers.push({
        type: 'policy',
        value: policyNumber(rng, place, row, new Date(options.anchor).getUTCFullYear() - rng.int(0, 2)),
      });
  }
  if (rng.chance(0.4))
    identifiers.push({
      type: 'email',
      value: rng.chance(0.5)
        ? `${rng.int(10_000_000, 2_999_999_999)}@qq.com`
        : `${person.pinyin}${rng.int(1, 99)}@${rng.pick(['163.com', '126.com', 'sina.com'])}`,
    });
  const tags = tagsOf(rng, common.lifecycleStage, 'individual');
  return {
    row,
    customer: {
      name: person.name,
      kind: 'individual',
      customerType: 'individual',
      industry: 'other',
      ...common,
      address: `${place.municipality ? '' : place.city}${address}${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(101, 2806)}室`,
      ...(tags.length ? { tags } : {}),
    },
    identifiers,
    contacts: [],
    activities: pickActivities(rng, options.anchor, common.lifecycleStage, 0),
  };
}

/**
 * Customers 0, 1, 2, … of the stream: organisations whose name is already taken (by an earlier row or one of
 * `reservedNames`) are rolled again, so no two share a name; individuals may, as people do.
 */
export function* generateCustomers(
  options: GeneratorOptions & { count: number; from?: number; reservedNames?: Iterable<string> },
): Generator<GeneratedCustomer> {
  const taken = new Set(options.reservedNames);
  for (let row = 0; row < options.count; row++) {
    let customer = generateCustomer(options, row);
    for (let attempt = 1; customer.customer.kind === 'organisation' && taken.has(customer.customer.name); attempt++)
      customer = generateCustomer(options, row, attempt);
    taken.add(customer.customer.name);
    if (row >= (options.from ?? 0)) yield customer;
  }
}
