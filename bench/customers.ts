// Deterministic bench customers, generated in SQL: N Chinese organisations (city + optional district + brand + trade +
// legal form, 「杭州东区恒通物流有限公司」), 2N identifiers (a mobile each, then a landline, plate or policy number,
// normalised as the server does), and their search index entries (text, full pinyin, initials and two-character
// tokens) — computed in SQL from vocabulary arrays whose pinyin is held beside them, so no row passes through JS.
import { pinyin } from 'pinyin-pro';
import type pg from 'pg';

// prettier-ignore
export const CUSTOMER_CITIES = ['北京', '上海', '广州', '深圳', '成都', '杭州', '南京', '武汉', '西安', '天津', '苏州', '郑州', '青岛', '昆明', '合肥', '福州', '济南', '宁波', '无锡', '大连'];
/** Every third name has a district; 「东区」 is the two-character query of the bench. */
// prettier-ignore
export const CUSTOMER_DISTRICTS = ['东区', '西区', '南城', '北城', '高新', '滨海', '江北', '城西'];
// prettier-ignore
export const CUSTOMER_BRANDS = ['华信', '金桥', '恒通', '鸿达', '瑞丰', '新科', '中邮', '东方', '宏图', '天成', '永兴', '佳和', '博远', '汇通', '盛世', '嘉禾', '海纳', '富源', '锦程', '正大', '光明', '启航', '润泽', '同创', '联合', '安泰', '信达', '百川', '顺发', '宝丰', '德胜', '凯旋', '明珠', '万家', '金鼎', '华美', '兴旺', '瑞祥', '泰和', '远航'];
// prettier-ignore
export const CUSTOMER_TRADES = ['科技', '贸易', '物流', '实业', '电子', '文化', '医药', '建材', '食品', '机械', '信息', '广告', '餐饮', '教育', '环保', '能源', '汽车', '服饰', '农业', '印刷'];
const FORMS = ['有限公司', '股份有限公司', '集团有限公司', '商行'];
const GRADES = ['A', 'B', 'C', 'D'];
const PLATE_PROVINCES = ['京', '沪', '粤', '川', '浙', '苏', '鄂', '陕'];

const syllables = (word: string) => pinyin(word, { toneType: 'none', type: 'array' });
const full = (word: string) => syllables(word).join('');
const initials = (word: string) => pinyin(word, { toneType: 'none', type: 'array', pattern: 'first' }).join('');
/** As search.text.ts pinyinSortKey: tone-numbered syllables separated by spaces. */
const sortSyllables = (word: string) => pinyin(word, { toneType: 'num', type: 'array' }).join(' ');

const vocabulary = (words: string[]) => ({
  words,
  full: words.map(full),
  initials: words.map(initials),
  sort: words.map(sortSyllables),
});

export const pinyinOf = full;
export const initialsOf = initials;

/** 32-bit word `index` of an md5 hex string, as in dataset.ts. */
const word = (source: string, index: number) => `('x' || substr(${source}, ${index * 8 + 1}, 8))::bit(32)::bigint`;

/** Creates the customers, identifiers and search entries; indexes are dropped first and rebuilt after (much faster). */
export async function generateCustomers(client: pg.PoolClient, count: number): Promise<void> {
  if (count === 0) return;
  const tables = ['customers', 'customer_identifiers', 'search_documents'];
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
  const city = vocabulary(CUSTOMER_CITIES);
  const district = vocabulary(CUSTOMER_DISTRICTS);
  const brand = vocabulary(CUSTOMER_BRANDS);
  const trade = vocabulary(CUSTOMER_TRADES);
  const form = vocabulary(FORMS);
  const twoYearsSeconds = 2 * 365 * 24 * 3600;
  // One row per customer with every value it needs; the three INSERTs below read it.
  await client.query(
    `CREATE TEMP TABLE bench_customer ON COMMIT DROP AS
    WITH owners AS (
      SELECT row_number() OVER (ORDER BY u.username) - 1 AS idx, u.id, u.org_unit_id
      FROM users u WHERE u.username LIKE 'br%'
    ), owner_count AS (SELECT count(*) AS n FROM owners),
    picked AS (
      SELECT g.i, h.b, r.*, c.created_at,
             1 + r.r2 % ${city.words.length} AS ci, CASE WHEN r.r2 % 3 = 0 THEN 1 + (r.r2 / 64) % ${district.words.length} END AS di,
             1 + r.r3 % ${brand.words.length} AS bi, 1 + (r.r3 / 64) % ${trade.words.length} AS ti, 1 + r.r4 % ${form.words.length} AS fi
      FROM generate_series(1, $1::int) AS g(i)
      CROSS JOIN LATERAL (SELECT md5('guanxi-bench/customer/' || g.i) AS a, md5('guanxi-bench/customer-id/' || g.i) AS b) h
      CROSS JOIN LATERAL (SELECT ${[0, 1, 2, 3].map((k) => `${word('h.a', k)} AS r${k + 1}`).join(', ')},
                                 ${[0, 1].map((k) => `${word('h.b', k)} AS r${k + 5}`).join(', ')}) r
      CROSS JOIN LATERAL (SELECT timestamptz '2024-01-01 00:00:00+08' + (g.i * ${twoYearsSeconds}::float8 / $1) * interval '1 second'
                          AS created_at) c
    )
    SELECT p.i,
      (substr(t.hex, 1, 8) || '-' || substr(t.hex, 9, 4) || '-7' || substr(p.b, 1, 3) || '-'
        || substr('89ab', (p.r6 % 4)::int + 1, 1) || substr(p.b, 4, 3) || '-' || substr(p.b, 7, 12))::uuid AS id,
      o.id AS owner_id, o.org_unit_id, p.created_at,
      ($2::text[])[p.ci] || coalesce(($3::text[])[p.di], '') || ($4::text[])[p.bi] || ($5::text[])[p.ti] || ($6::text[])[p.fi] AS name,
      ($2::text[])[p.ci] || coalesce(($3::text[])[p.di], '') || ($4::text[])[p.bi] || ($5::text[])[p.ti] AS name_key,
      ($7::text[])[p.ci] || coalesce(($8::text[])[p.di], '') || ($9::text[])[p.bi] || ($10::text[])[p.ti] || ($11::text[])[p.fi] AS full_pinyin,
      ($12::text[])[p.ci] || coalesce(($13::text[])[p.di], '') || ($14::text[])[p.bi] || ($15::text[])[p.ti] || ($16::text[])[p.fi] AS initials,
      concat_ws(' ', ($17::text[])[p.ci], ($18::text[])[p.di], ($19::text[])[p.bi], ($20::text[])[p.ti], ($21::text[])[p.fi]) AS sort_syllables,
      ($22::text[])[1 + (p.r5 % 4)::int] AS grade,
      CASE WHEN p.r5 % 100 < 70 THEN 'active' ELSE 'dormant' END AS lifecycle_stage,
      -- A mobile for everyone (unique: i × 7919 mod 10⁹ is one-to-one), then a landline, a plate or a policy number.
      '13' || lpad(((p.i::bigint * 7919) % 1000000000)::text, 9, '0') AS mobile,
      CASE p.i % 3
        WHEN 0 THEN 'phone' WHEN 1 THEN 'plate' ELSE 'policy' END AS second_type,
      CASE p.i % 3
        WHEN 0 THEN '0' || (10 + p.r6 % 890)::text || lpad((p.r5 % 100000000)::text, 8, '0')
        WHEN 1 THEN ($23::text[])[1 + (p.r6 % 8)::int] || chr(65 + (p.r5 % 26)::int) || upper(substr(p.b, 20, 5))
        ELSE 'PDAA' || lpad(p.i::text, 16, '0') END AS second_normalized
    FROM picked p
    CROSS JOIN LATERAL (SELECT lpad(to_hex(floor(extract(epoch FROM p.created_at) * 1000)::bigint), 12, '0') AS hex) t
    JOIN owners o ON o.idx = p.r1 % (SELECT n FROM owner_count)`,
    [
      count,
      city.words,
      district.words,
      brand.words,
      trade.words,
      form.words,
      city.full,
      district.full,
      brand.full,
      trade.full,
      form.full,
      city.initials,
      district.initials,
      brand.initials,
      trade.initials,
      form.initials,
      city.sort,
      district.sort,
      brand.sort,
      trade.sort,
      form.sort,
      GRADES,
      PLATE_PROVINCES,
    ],
  );
  await client.query(`INSERT INTO customers (id, version, owner_id, org_unit_id, custom, created_at, created_by, updated_at, updated_by,
                                             name, kind, customer_type, grade, lifecycle_stage, status, name_key, name_sort)
    SELECT id, 1, owner_id, org_unit_id, '{}'::jsonb, created_at, owner_id, created_at, owner_id,
           name, 'organisation', 'enterprise', grade, lifecycle_stage, 'active', name_key, sort_syllables || chr(1) || name
    FROM bench_customer`);
  // Values as entered (a mobile with dashes, a landline with a space) beside the normalised form the server matches.
  await client.query(`INSERT INTO customer_identifiers (id, customer_id, type, value, normalized, created_at, created_by)
    SELECT md5('guanxi-bench/identifier/' || i || '/1')::uuid, id, 'mobile',
           substr(mobile, 1, 3) || '-' || substr(mobile, 4, 4) || '-' || substr(mobile, 8), mobile, created_at, owner_id
    FROM bench_customer
    UNION ALL
    SELECT md5('guanxi-bench/identifier/' || i || '/2')::uuid, id, second_type,
           CASE second_type WHEN 'phone' THEN substr(second_normalized, 1, 3) || ' ' || substr(second_normalized, 4)
                            ELSE second_normalized END,
           second_normalized, created_at, owner_id
    FROM bench_customer`);
  // The entry indexRecord writes: parts (text, full pinyin, initials, identifiers, lower case) joined by U+0001,
  // every two-character piece of every part, every six-letter piece of every letter run (as migration 0019), and the
  // owner and org unit tokens (U+0002 o/u + id). (The bench leaves out the other readings of polyphonic characters.)
  await client.query(`INSERT INTO search_documents (record_type, record_id, owner_id, org_unit_id, title, haystack, tokens, updated_at)
    SELECT 'customer', c.id, c.owner_id, c.org_unit_id, c.name, array_to_string(p.parts, chr(1)),
           ARRAY(SELECT DISTINCT substr(part, k, 2) FROM unnest(p.parts) part, generate_series(1, length(part) - 1) k)
             || ARRAY(SELECT DISTINCT substr(run[1], k, 6) FROM unnest(p.parts) part,
                        regexp_matches(part, '[a-z]{6,}', 'g') run, generate_series(1, length(run[1]) - 5) k)
             || ARRAY[chr(2) || 'o' || c.owner_id, chr(2) || 'u' || c.org_unit_id],
           c.created_at
    FROM bench_customer c
    CROSS JOIN LATERAL (SELECT ARRAY[c.name, c.full_pinyin, c.initials, c.mobile, lower(c.second_normalized)] AS parts) p`);
  for (const { definition } of indexes) await client.query(definition);
}
