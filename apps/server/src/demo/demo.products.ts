// Demo catalogue: a category tree of the demo firms' lines (postal parcels and subscriptions, books, vehicle parts),
// three dozen products written through the kit as the head office manager (audit, search, pinyin sort apply), a
// standard price list with quantity breaks, a grade-A list and one discount rule — so 价格试算 has something to explain.
import type { DbOrTx } from '../platform/db/db.ts';
import { eq } from 'drizzle-orm';
import { users } from '../platform/access/access.schema.ts';
import { loadActor } from '../platform/access/actor.ts';
import { createRecord } from '../platform/entities/entity.write.ts';
import { loadFields } from '../platform/entities/entity.read.ts';
import { entityRegistry } from '../platform/entities/registry.ts';
import { productEntity } from '../modules/commerce/catalog/catalog.entities.ts';
import { discountRules, priceListItems, priceLists, productCategories } from '../modules/commerce/catalog/catalog.schema.ts';

const CATEGORIES: [string, string[]][] = [
  ['包裹快递服务', ['国内快递', '国际包裹', '同城配送']],
  ['报刊订阅', ['报纸', '期刊']],
  ['图书', ['社科类', '少儿类', '专业技术']],
  ['汽车配件', ['发动机配件', '制动系统', '电器与照明']],
];

// SKU | name | English name | category | unit | list price | standard cost | tax rate | supplier | lead time (days)
const PRODUCTS = `
KD-STD-001|标准快递（省内，1 千克内）|Standard parcel, in province, up to 1 kg|国内快递|piece|8.00|4.60|0.06|中国邮政速递物流|1
KD-STD-002|标准快递（跨省，1 千克内）|Standard parcel, inter-province, up to 1 kg|国内快递|piece|12.00|7.20|0.06|中国邮政速递物流|2
KD-EXP-001|特快专递（全国，500 克内）|EMS express, up to 500 g|国内快递|piece|20.00|11.50|0.06|中国邮政速递物流|1
KD-HVY-010|大件包裹（10 千克起，每千克）|Heavy parcel, per kg from 10 kg|国内快递|kg|3.50|2.10|0.06|中国邮政速递物流|3
KD-INT-001|国际小包（亚洲，每千克）|International small packet, Asia, per kg|国际包裹|kg|68.00|45.00|0.00|中国邮政国际业务部|7
KD-INT-002|国际小包（欧美，每千克）|International small packet, Europe/Americas, per kg|国际包裹|kg|98.00|66.00|0.00|中国邮政国际业务部|10
KD-CITY-001|同城当日达|Same-day city delivery|同城配送|piece|15.00|9.00|0.06|本地配送中心|0
KD-BOX-001|标准纸箱（5 号）|Carton No. 5|国内快递|box|2.50|1.20|0.13|华南包装材料厂|3
BK-NEWS-001|人民日报（年订）|People's Daily, annual|报纸|year|480.00|420.00|0.09|邮政报刊发行局|15
BK-NEWS-002|参考消息（年订）|Reference News, annual|报纸|year|264.00|230.00|0.09|邮政报刊发行局|15
BK-NEWS-003|经济日报（年订）|Economic Daily, annual|报纸|year|432.00|380.00|0.09|邮政报刊发行局|15
BK-MAG-001|读者（年订，24 期）|Duzhe magazine, 24 issues|期刊|year|192.00|160.00|0.09|读者出版集团|20
BK-MAG-002|中国国家地理（年订）|Chinese National Geography, annual|期刊|year|360.00|300.00|0.09|中国国家地理杂志社|20
BK-MAG-003|求是（年订）|Qiushi, annual|期刊|year|168.00|150.00|0.09|邮政报刊发行局|15
BOOK-SS-001|中国通史（全六册）|General History of China, 6 volumes|社科类|set|398.00|238.80|0.09|中华书局|10
BOOK-SS-002|乡土中国|From the Soil|社科类|volume|39.00|23.40|0.09|北京大学出版社|7
BOOK-SS-003|万历十五年|1587, a Year of No Significance|社科类|volume|45.00|27.00|0.09|生活·读书·新知三联书店|7
BOOK-SS-004|人类简史（中文版）|Sapiens (Chinese edition)|社科类|volume|68.00|40.80|0.09|中信出版社|7
BOOK-KID-001|十万个为什么（少儿彩绘版，全 8 册）|One Hundred Thousand Whys, 8 volumes|少儿类|set|256.00|153.60|0.09|少年儿童出版社|10
BOOK-KID-002|窗边的小豆豆|Totto-chan|少儿类|volume|35.00|21.00|0.09|南海出版公司|7
BOOK-KID-003|小王子（中英双语）|The Little Prince, bilingual|少儿类|volume|29.80|17.90|0.09|人民文学出版社|7
BOOK-TEC-001|汽车构造（第 4 版）|Automotive Construction, 4th ed.|专业技术|volume|88.00|52.80|0.09|人民交通出版社|10
BOOK-TEC-002|物流管理概论|Introduction to Logistics Management|专业技术|volume|59.00|35.40|0.09|机械工业出版社|10
BOOK-TEC-003|TypeScript 编程|Programming TypeScript|专业技术|volume|99.00|59.40|0.09|中国电力出版社|10
AP-ENG-001|机油滤清器（通用型）|Oil filter, universal|发动机配件|piece|45.00|22.00|0.13|曼胡默尔滤清器（上海）|5
AP-ENG-002|空气滤清器（轿车）|Air filter, passenger car|发动机配件|piece|68.00|34.00|0.13|曼胡默尔滤清器（上海）|5
AP-ENG-003|火花塞（铱金，4 支装）|Iridium spark plugs, pack of 4|发动机配件|set|320.00|190.00|0.13|博世汽车部件（苏州）|7
AP-ENG-004|正时皮带套件|Timing belt kit|发动机配件|set|860.00|520.00|0.13|盖茨优霓塔传动系统|10
AP-BRK-001|前刹车片（陶瓷）|Front brake pads, ceramic|制动系统|set|380.00|210.00|0.13|博世汽车部件（苏州）|5
AP-BRK-002|刹车盘（前，单只）|Front brake disc|制动系统|piece|420.00|250.00|0.13|天合汽车零部件（上海）|7
AP-BRK-003|DOT4 刹车油（1 升）|DOT4 brake fluid, 1 l|制动系统|piece|58.00|30.00|0.13|壳牌（中国）|3
AP-ELE-001|蓄电池（60Ah 免维护）|Battery 60 Ah, maintenance-free|电器与照明|unit|650.00|420.00|0.13|风帆有限责任公司|5
AP-ELE-002|LED 大灯总成（左）|LED headlamp assembly, left|电器与照明|unit|1680.00|1100.00|0.13|华域视觉科技|14
AP-ELE-003|雨刮片（一对）|Wiper blades, pair|电器与照明|set|98.00|45.00|0.13|法雷奥汽车配件（中国）|3
AP-ELE-004|车载充电器（双口快充）|Car charger, dual fast charge|电器与照明|piece|79.00|38.00|0.13|深圳市绿联科技|3
AP-OIL-001|全合成机油 5W-30（4 升）|Synthetic engine oil 5W-30, 4 l|发动机配件|box|368.00|230.00|0.13|壳牌（中国）|3
`;

/** Standard list: per SKU the quantity breaks [min, price]; the grade-A list gives key accounts their own prices. */
const STANDARD_BREAKS: Record<string, [string, string][]> = {
  'KD-STD-001': [
    ['1', '8.00'],
    ['100', '7.20'],
    ['1000', '6.50'],
  ],
  'KD-STD-002': [
    ['1', '12.00'],
    ['100', '10.80'],
    ['1000', '9.60'],
  ],
  'KD-EXP-001': [
    ['1', '20.00'],
    ['50', '18.00'],
  ],
  'KD-HVY-010': [
    ['10', '3.50'],
    ['100', '3.00'],
  ],
  'KD-BOX-001': [
    ['1', '2.50'],
    ['500', '2.00'],
  ],
  'BK-NEWS-001': [
    ['1', '480.00'],
    ['50', '456.00'],
  ],
  'BK-MAG-001': [
    ['1', '192.00'],
    ['20', '180.00'],
  ],
  'BOOK-SS-001': [
    ['1', '398.00'],
    ['10', '378.00'],
    ['50', '358.20'],
  ],
  'BOOK-KID-001': [
    ['1', '256.00'],
    ['20', '230.40'],
  ],
  'AP-ENG-001': [
    ['1', '45.00'],
    ['20', '40.50'],
    ['100', '36.00'],
  ],
  'AP-BRK-001': [
    ['1', '380.00'],
    ['10', '350.00'],
  ],
  'AP-ELE-001': [
    ['1', '650.00'],
    ['10', '600.00'],
  ],
  'AP-OIL-001': [
    ['1', '368.00'],
    ['12', '340.00'],
  ],
};
const GRADE_A_BREAKS: Record<string, [string, string][]> = {
  'KD-STD-001': [
    ['1', '7.00'],
    ['1000', '6.00'],
  ],
  'KD-STD-002': [
    ['1', '10.50'],
    ['1000', '9.00'],
  ],
  'KD-EXP-001': [['1', '17.00']],
  'BOOK-SS-001': [['1', '358.00']],
  'AP-ENG-001': [
    ['1', '39.00'],
    ['100', '34.00'],
  ],
  'AP-BRK-001': [['1', '340.00']],
};

/** Writes the demo catalogue; run it in the first-start transaction, after the demo users exist. */
export async function seedDemoProducts(db: DbOrTx, year = new Date().getFullYear()): Promise<number> {
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'zhangwei'));
  const actor = manager && (await loadActor(db, manager.id, { source: 'import', requestId: null, via: 'system' }));
  if (!actor) throw new Error('The demo head office manager must exist before the demo products are seeded');

  const categoryIds = new Map<string, string>();
  for (const [position, [parent, children]] of CATEGORIES.entries()) {
    const [row] = await db.insert(productCategories).values({ name: parent, position }).returning({ id: productCategories.id });
    categoryIds.set(parent, row!.id);
    for (const [i, child] of children.entries()) {
      const [c] = await db
        .insert(productCategories)
        .values({ name: child, parentId: row!.id, position: i })
        .returning({ id: productCategories.id });
      categoryIds.set(child, c!.id);
    }
  }

  const bodies = PRODUCTS.trim()
    .split('\n')
    .map((line) => {
      const [sku, name, nameEn, category, unit, listPrice, standardCost, taxRate, supplier, leadTime] = line.split(
        '|',
      ) as string[];
      return {
        sku,
        name,
        nameEn,
        categoryId: categoryIds.get(category!),
        unit,
        listPrice,
        standardCost,
        taxRate,
        supplier,
        leadTimeDays: Number(leadTime),
        ownerId: actor.userId,
        orgUnitId: actor.orgUnitId,
      };
    });
  // One createRecord each: the kit's bulk path (createRecords) does not check references to lookups yet, so it
  // refuses every categoryId; three dozen single writes cost well under a second.
  const ctx = { db, actor, registry: entityRegistry([productEntity]), descriptor: productEntity };
  const fields = await loadFields(db, productEntity);
  const skuIds = new Map<string, string>();
  for (const body of bodies) skuIds.set(body.sku!, (await createRecord(ctx, body, { fields, reread: false })).id);

  const writeList = async (values: typeof priceLists.$inferInsert, breaks: Record<string, [string, string][]>) => {
    const [list] = await db
      .insert(priceLists)
      .values({ ...values, createdBy: actor.userId, updatedBy: actor.userId })
      .returning({ id: priceLists.id });
    await db.insert(priceListItems).values(
      Object.entries(breaks).flatMap(([sku, pairs]) =>
        pairs.map(([minQuantity, unitPrice]) => ({
          priceListId: list!.id,
          productId: skuIds.get(sku)!,
          minQuantity,
          unitPrice,
        })),
      ),
    );
  };
  await writeList({ name: `${year} 年标准价格表`, kind: 'standard', validFrom: `${year}-01-01` }, STANDARD_BREAKS);
  await writeList(
    { name: `${year} 年 A 级客户价格表`, kind: 'grade', grade: 'A', validFrom: `${year}-01-01`, validTo: `${year}-12-31` },
    GRADE_A_BREAKS,
  );
  await db.insert(discountRules).values({
    name: '报刊订阅满 10 份九五折',
    percent: '5.00',
    categoryId: categoryIds.get('报刊订阅'),
    minQuantity: '10',
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  return bodies.length;
}
