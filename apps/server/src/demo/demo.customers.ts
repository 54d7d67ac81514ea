// The hand-written demo customers (demo.customers.data.ts) with their contacts, identifiers and activities, written
// through the entity kit's bulk path as their owners, so the audit history, search index and every rule apply to them
// exactly as to records typed in by hand. The end-to-end tests rely on these records: change them with care.
import type { DbOrTx } from '../platform/db/db.ts';
import { DEMO_CUSTOMERS, DEMO_PEOPLE, DEMO_TITLES } from './demo.customers.data.ts';
import { handWrittenActivities } from './demo.activities.ts';
import { prepareDemoWriter, writeDemoCustomers, type DemoCustomer, type DemoOwner } from './demo.writer.ts';

/** Org unit of the customers of each owner: their own, but the head office manager serves 南区. */
const OWNER_OF: Record<string, DemoOwner> = {
  wangfang: 'wangfang@EAST-S1',
  lina: 'lina@EAST',
  liuyang: 'liuyang@WEST-S1',
  chenjing: 'chenjing@SOUTH-CS',
  zhangwei: 'zhangwei@SOUTH',
};

/** Licence plate prefix of the provinces demo individuals live in. */
const PLATE_PREFIX: Record<string, string> = { 上海市: '沪', 北京市: '京', 四川省: '川', 广东省: '粤', 福建省: '闽' };

/** The hand-written customers in file order, each with its owner; activity times count from `now`. */
export function handWrittenCustomers(now = Date.now()): { owner: DemoOwner; customer: DemoCustomer }[] {
  let person = 0;
  return DEMO_CUSTOMERS.trim()
    .split('\n')
    .map((line, i) => {
      const [owner, name, shortName, customerType, industry, province, city, district, grade, stage, source, firstContact] =
        line.split('|') as [string, ...string[]];
      const individual = shortName === '';
      const customer = {
        name,
        ...(individual ? {} : { shortName }),
        kind: individual ? 'individual' : 'organisation',
        customerType,
        industry,
        province,
        city,
        ...(district ? { district } : {}),
        grade,
        lifecycleStage: stage,
        source,
        firstContactDate: firstContact,
      };
      // Identifiers to search by: a person's mobile and car plate, a key account's tax number.
      const identifiers = individual
        ? [
            { type: 'mobile', value: `138 ${String(1000 + i * 37).slice(-4)} ${String(5000 + i * 91).slice(-4)}` },
            { type: 'plate', value: `${PLATE_PREFIX[province!] ?? '京'}A ${String(10_000 + i * 173).slice(-5)}` },
          ]
        : grade === 'A'
          ? [
              {
                type: 'taxNumber',
                value: `91${String(110_000 + i * 7_919).slice(-6)}MA0${String(1_000_000 + i * 4_409).slice(-6)}X`,
              },
            ]
          : [];
      // One to three contacts for an organisation, varying with the line so the demo is not uniform.
      const contacts = individual
        ? []
        : Array.from({ length: 1 + (i % 3) }, (_, k) => {
            const [title, department, decisionRole] = DEMO_TITLES[(i + k) % DEMO_TITLES.length]!;
            const n = person++;
            return {
              name: DEMO_PEOPLE[n % DEMO_PEOPLE.length],
              title,
              department,
              decisionRole,
              mobile: `139${String(10_000_000 + ((n * 7_919_237) % 90_000_000)).padStart(8, '0')}`,
              email: `contact${n + 1}@example.cn`,
              preferredChannel: n % 2 ? 'wechat' : 'phone',
            };
          });
      return {
        owner: OWNER_OF[owner]!,
        customer: { customer, identifiers, contacts, activities: handWrittenActivities(i, contacts.length > 0, now) },
      };
    });
}

/** Writes the hand-written customers; run it in the first-start transaction, after the demo users exist. */
export async function seedDemoCustomers(db: DbOrTx): Promise<number> {
  const writer = await prepareDemoWriter(db);
  if (!writer) throw new Error('The demo users and org units must exist before the demo customers are seeded');
  const rows = handWrittenCustomers();
  await writeDemoCustomers(db, writer, rows);
  return rows.length;
}
