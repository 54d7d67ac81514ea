// Deterministic bench catalogue for the commerce workloads: a category tree (图书 → 社科类 …), 2,000 products with
// suppliers, costs, tax rates and lead times (names from vocabulary lists picked by md5 of the row number, pinyin sort
// keys computed here as the kit would), the standard price list with quantity breaks for every product, a grade-A list
// for a quarter of them, a few discount rules, and the company letterhead the quote PDF prints. Written by orders.ts
// before the orders, which take their lines from these products.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { pinyinSortKey } from '../apps/server/src/platform/search/search.text.ts';

export const PRODUCT_COUNT = 2000;
/** The day prices are asked for (the dataset's today, opportunities.ts DATASET_TODAY): every list and rule is valid. */
export const PRICING_DAY = '2026-11-15';

/** Category (top, leaves), the products' unit, tax rate, price range in yuan and the leaves' item words. */
const CATEGORIES: {
  name: string;
  code: string;
  unit: string;
  taxRate: string;
  price: [number, number];
  leaves: [string, string[]][];
}[] = [
  {
    name: '图书',
    code: 'BK',
    unit: 'volume',
    taxRate: '0.09',
    price: [20, 400],
    leaves: [
      ['社科类', ['中国通史', '乡土中国', '社会学概论', '经济学原理', '法律常识']],
      ['文学类', ['唐诗选读', '红楼梦', '散文精选', '现代诗集', '小说选刊']],
      ['少儿类', ['十万个为什么', '童话故事', '科普绘本', '识字卡片', '数学启蒙']],
      ['专业技术', ['物流管理', '汽车构造', '电工基础', '程序设计', '会计实务']],
    ],
  },
  {
    name: '进口图书',
    code: 'IB',
    unit: 'volume',
    taxRate: '0.00',
    price: [80, 1200],
    leaves: [
      ['英文原版', ['Oxford Dictionary', 'Penguin Classics', 'Science Readers', 'Art History']],
      ['日文原版', ['日本語辞書', '文庫本選集', '美術全集']],
      ['德文原版', ['Duden Wörterbuch', 'Reclam Klassiker', 'Technik Handbuch']],
    ],
  },
  {
    name: '报刊订阅',
    code: 'NP',
    unit: 'year',
    taxRate: '0.09',
    price: [100, 600],
    leaves: [
      ['报纸', ['日报年订', '晚报年订', '经济报年订']],
      ['期刊', ['月刊年订', '半月刊年订', '学术期刊年订']],
    ],
  },
  {
    name: '办公用品',
    code: 'OF',
    unit: 'pack',
    taxRate: '0.13',
    price: [5, 300],
    leaves: [
      ['纸品', ['复印纸', '便签纸', '牛皮纸信封']],
      ['文具', ['中性笔', '订书机', '文件夹']],
      ['打印耗材', ['硒鼓', '墨盒', '色带']],
    ],
  },
  {
    name: '包装材料',
    code: 'PK',
    unit: 'box',
    taxRate: '0.13',
    price: [2, 120],
    leaves: [
      ['纸箱', ['标准纸箱', '加厚纸箱', '飞机盒']],
      ['胶带与标签', ['封箱胶带', '热敏标签', '易碎贴']],
      ['缓冲材料', ['气泡膜', '珍珠棉', '充气袋']],
    ],
  },
  {
    name: '物流设备',
    code: 'EQ',
    unit: 'unit',
    taxRate: '0.13',
    price: [200, 20000],
    leaves: [
      ['搬运设备', ['手推车', '液压搬运车', '托盘']],
      ['仓储货架', ['轻型货架', '重型货架', '流利式货架']],
      ['电子终端', ['扫描枪', '标签打印机', '手持终端']],
    ],
  },
  {
    name: '物流服务',
    code: 'SV',
    unit: 'service',
    taxRate: '0.06',
    price: [10, 5000],
    leaves: [
      ['快递', ['标准快递', '特快专递', '同城当日达']],
      ['仓储', ['仓储托管', '分拣包装', '退货处理']],
    ],
  },
];
const BRANDS = ['华信', '金桥', '恒通', '鸿达', '瑞丰', '新科', '东方', '宏图', '天成', '永兴', '佳和', '博远', '汇通', '嘉禾'];
const SPECS = ['（标准版）', '（精装）', '（加厚）', '（大号）', '（小号）', '（套装）', '（经济型）', '（增强型）'];
// prettier-ignore
const SUPPLIERS = ['中国图书进出口（集团）有限公司', '北京发行集团', '上海外文图书有限公司', '中华书局', '人民邮电出版社',
  '邮政报刊发行局', '得力集团有限公司', '晨光文具股份有限公司', '华南包装材料厂', '合兴包装印刷有限公司',
  '诺力智能装备股份有限公司', '斑马技术（中国）', '霍尼韦尔（中国）', '中国邮政速递物流', '京东物流供应链', '顺丰供应链'];

/** A stable UUID from a key (version 8 "custom" shape, as dataset.ts makes them). */
export function stableId(kind: string, key: string): string {
  const m = createHash('md5').update(`guanxi-bench/${kind}/${key}`).digest('hex');
  return `${m.slice(0, 8)}-${m.slice(8, 12)}-8${m.slice(13, 16)}-a${m.slice(17, 20)}-${m.slice(20, 32)}`;
}

/** 32-bit word `index` of md5 of the key, for picking values in JS. */
const word = (key: string, index: number) =>
  Number.parseInt(
    createHash('md5')
      .update(key)
      .digest('hex')
      .slice(index * 8, index * 8 + 8),
    16,
  );

const fen = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  name_sort: string;
  category_id: string;
  unit: string;
  list_price: string;
  standard_cost: string;
  tax_rate: string;
  supplier: string;
  lead_time_days: number;
}

function categoryRows() {
  const rows: { id: string; name: string; parent_id: string | null; position: number }[] = [];
  CATEGORIES.forEach((top, i) => {
    const topId = stableId('category', top.name);
    rows.push({ id: topId, name: top.name, parent_id: null, position: i });
    top.leaves.forEach(([leaf], j) =>
      rows.push({ id: stableId('category', `${top.name}/${leaf}`), name: leaf, parent_id: topId, position: j }),
    );
  });
  return rows;
}

/** The products: leaf categories in turn, brand, item and spec from md5 of the row number. */
export function productRows(): ProductRow[] {
  const leaves = CATEGORIES.flatMap((top) => top.leaves.map(([leaf, items]) => ({ top, leaf, items })));
  return Array.from({ length: PRODUCT_COUNT }, (_, n) => {
    const key = `guanxi-bench/product/${n}`;
    const { top, leaf, items } = leaves[n % leaves.length]!;
    const [lo, hi] = top.price;
    // Prices skewed low within the category's range; cost 55–80 % of the list price.
    const list = lo + (hi - lo) * ((word(key, 0) % 10000) / 10000) ** 2;
    const cost = list * (0.55 + (word(key, 1) % 26) / 100);
    const name =
      BRANDS[word(key, 2) % BRANDS.length]! + items[word(key, 3) % items.length]! + SPECS[n % SPECS.length]! + `${n}号`;
    return {
      id: stableId('product', String(n)),
      sku: `${top.code}-${String(n + 1).padStart(5, '0')}`,
      name,
      name_sort: pinyinSortKey(name),
      category_id: stableId('category', `${top.name}/${leaf}`),
      unit: top.unit,
      list_price: fen(list),
      standard_cost: fen(cost),
      tax_rate: top.taxRate,
      supplier: SUPPLIERS[(word(key, 1) >>> 8) % SUPPLIERS.length]!,
      lead_time_days: 3 + (word(key, 2) % 28),
    };
  });
}

export const STANDARD_LIST_ID = stableId('price-list', 'standard');
const GRADE_A_LIST_ID = stableId('price-list', 'grade-A');

/**
 * Writes the catalogue into empty catalogue tables (orders.ts truncates them first). Products are owned by the head
 * office manager. Standard list: every product at 98 % of its list price from 1, 95 % from 10, 90 % from 100 (every
 * third product also 85 % from 500); grade-A list: every fourth product at 92 %. Rules: 5 % off 进口图书 from 20,
 * 3 % off everything for grade A, 8 % off 物流设备 from 5, 10 % off one product from 50 and an expired one.
 */
export async function generateCatalog(client: pg.PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO product_categories (id, name, parent_id, position)
     SELECT c.id, c.name, c.parent_id, c.position FROM json_to_recordset($1::json) AS c(id uuid, name text, parent_id uuid, position int)`,
    [JSON.stringify(categoryRows())],
  );
  await client.query(
    `INSERT INTO products (id, owner_id, org_unit_id, created_by, updated_by, sku, name, name_sort, category_id, unit,
                           list_price, standard_cost, tax_rate, supplier, lead_time_days)
     SELECT p.id, u.id, u.org_unit_id, u.id, u.id, p.sku, p.name, p.name_sort, p.category_id, p.unit, p.list_price,
            p.standard_cost, p.tax_rate, p.supplier, p.lead_time_days
     FROM json_to_recordset($1::json) AS p(id uuid, sku text, name text, name_sort text, category_id uuid, unit text,
          list_price numeric, standard_cost numeric, tax_rate numeric, supplier text, lead_time_days int)
     CROSS JOIN (SELECT id, org_unit_id FROM users WHERE username = 'hq_manager') u`,
    [JSON.stringify(productRows())],
  );
  await client.query(
    `INSERT INTO price_lists (id, name, kind, grade, valid_from, description) VALUES
       ($1, '2026 标准价格表', 'standard', NULL, date '2026-01-01', '全国统一价，含数量阶梯'),
       ($2, 'A 级客户价格表', 'grade', 'A', NULL, 'A 级客户协议价')`,
    [STANDARD_LIST_ID, GRADE_A_LIST_ID],
  );
  const item = (list: string, min: string, factor: string, where: string) => `
    SELECT md5('guanxi-bench/price-item/' || '${list}' || '/' || p.id || '/${min}')::uuid, '${list}'::uuid, p.id, ${min},
           round(p.list_price * ${factor}, 2)
    FROM (SELECT p.*, row_number() OVER (ORDER BY p.sku) AS n FROM products p) p WHERE ${where}`;
  await client.query(`INSERT INTO price_list_items (id, price_list_id, product_id, min_quantity, unit_price)
    ${item(STANDARD_LIST_ID, '1', '0.98', 'true')} UNION ALL
    ${item(STANDARD_LIST_ID, '10', '0.95', 'true')} UNION ALL
    ${item(STANDARD_LIST_ID, '100', '0.90', 'true')} UNION ALL
    ${item(STANDARD_LIST_ID, '500', '0.85', 'p.n % 3 = 0')} UNION ALL
    ${item(GRADE_A_LIST_ID, '1', '0.92', 'p.n % 4 = 0')}`);
  const category = (path: string) => `'${stableId('category', path)}'::uuid`;
  await client.query(
    `INSERT INTO discount_rules (id, name, percent, product_id, category_id, customer_grade, min_quantity, valid_from, valid_to)
     VALUES ($1, '进口图书批量优惠', 5, NULL, ${category('进口图书')}, NULL, 20, NULL, NULL),
            ($2, 'A 级客户全场优惠', 3, NULL, NULL, 'A', NULL, date '2026-01-01', date '2026-12-31'),
            ($3, '物流设备促销', 8, NULL, ${category('物流设备')}, NULL, 5, date '2026-10-01', date '2026-12-31'),
            ($4, '单品大批量优惠', 10, $6::uuid, NULL, NULL, 50, NULL, NULL),
            ($5, '2025 年终促销（已过期）', 12, NULL, NULL, NULL, NULL, date '2025-12-01', date '2025-12-31')`,
    [
      stableId('discount-rule', 'import-books'),
      stableId('discount-rule', 'grade-a'),
      stableId('discount-rule', 'equipment'),
      stableId('discount-rule', 'product'),
      stableId('discount-rule', 'expired'),
      stableId('product', '7'),
    ],
  );
  await client.query(`UPDATE commerce_settings SET company_name = '关系物流集团有限公司',
    company_address = '浙江省杭州市西湖区文三路 100 号', company_phone = '0571-8888 6666', tax_number = '91330100MA2B000000',
    bank_account = '中国工商银行杭州文三路支行 1202 0000 0000 0000 000', quote_terms = '1. 报价有效期 30 天。\n2. 款到发货。'
    WHERE id = 1`);
}
