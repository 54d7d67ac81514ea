// Seeds the demo customers, their contacts and identifiers through the entity kit's own write path, as their
// owners, so the audit history, search index and every rule apply to them exactly as to records typed in by hand.
import type { DbOrTx } from '../platform/db/db.ts';
import { loadActor } from '../platform/access/actor.ts';
import { createRecord } from '../platform/entities/entity.write.ts';
import { entityRegistry } from '../platform/entities/registry.ts';
import type { Actor } from '../platform/http/context.ts';
import { contactEntity, customerEntities, customerEntity } from '../modules/customers/customers.entities.ts';
import { addIdentifier } from '../modules/customers/customers.identifiers.service.ts';
import { DEMO_CUSTOMERS, DEMO_PEOPLE, DEMO_TITLES } from './demo.customers.data.ts';

/** Org unit of the customers of an owner whose own unit is head office: the head office manager serves 南区. */
const UNIT_OF_OWNER: Record<string, string> = { zhangwei: 'SOUTH' };

/** Licence plate prefix of the provinces demo individuals live in. */
const PLATE_PREFIX: Record<string, string> = { 上海市: '沪', 北京市: '京', 四川省: '川', 广东省: '粤', 福建省: '闽' };

export async function seedDemoCustomers(db: DbOrTx, userIds: Map<string, string>, unitIds: Map<string, string>): Promise<number> {
  const registry = entityRegistry(customerEntities);
  const actors = new Map<string, Actor>();
  const actorOf = async (username: string) => {
    if (!actors.has(username)) {
      const actor = await loadActor(db, userIds.get(username)!, { source: 'import', requestId: null, via: 'system' });
      actors.set(username, actor!);
    }
    return actors.get(username)!;
  };
  const lines = DEMO_CUSTOMERS.trim().split('\n');
  let person = 0;
  for (const [i, line] of lines.entries()) {
    const [owner, name, shortName, customerType, industry, province, city, district, grade, stage, source, firstContact] =
      line.split('|') as [string, ...string[]];
    const actor = await actorOf(owner);
    const individual = shortName === '';
    const unit = UNIT_OF_OWNER[owner];
    const customer = await createRecord(
      { db, actor, registry, descriptor: customerEntity },
      {
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
        ...(unit ? { orgUnitId: unitIds.get(unit) } : {}),
      },
    );
    // Identifiers to search by: a person's mobile and car plate, a key account's tax number.
    const ctx = { db, actor, registry, descriptor: customerEntity };
    if (individual) {
      await addIdentifier(ctx, customer.id, {
        type: 'mobile',
        value: `138 ${String(1000 + i * 37).slice(-4)} ${String(5000 + i * 91).slice(-4)}`,
      });
      await addIdentifier(ctx, customer.id, {
        type: 'plate',
        value: `${PLATE_PREFIX[province!] ?? '京'}A ${String(10_000 + i * 173).slice(-5)}`,
      });
      continue;
    }
    if (grade === 'A')
      await addIdentifier(ctx, customer.id, {
        type: 'taxNumber',
        value: `91${String(110_000 + i * 7_919).slice(-6)}MA0${String(1_000_000 + i * 4_409).slice(-6)}X`,
      });
    // One to three contacts, varying with the line so the demo is not uniform.
    for (let k = 0; k < 1 + (i % 3); k++) {
      const [title, department, decisionRole] = DEMO_TITLES[(i + k) % DEMO_TITLES.length]!;
      const n = person++;
      await createRecord(
        { db, actor, registry, descriptor: contactEntity },
        {
          customerId: customer.id,
          name: DEMO_PEOPLE[n % DEMO_PEOPLE.length],
          title,
          department,
          decisionRole,
          mobile: `139${String(10_000_000 + ((n * 7_919_237) % 90_000_000)).padStart(8, '0')}`,
          email: `contact${n + 1}@example.cn`,
          preferredChannel: n % 2 ? 'wechat' : 'phone',
        },
      );
    }
  }
  return lines.length;
}
