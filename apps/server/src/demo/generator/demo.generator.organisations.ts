// Names of generated organisations, shaped as Chinese organisations are named: a company is place + trade name +
// line of business + legal form (北京恒通物流有限公司), a library or university is place + what it is (杭州市图书馆,
// 南京理工大学), a government body is place + office (苏州市教育局). Each customer type has its own shapes and the
// industries that go with them.
import { fullPinyin as full, initials } from './demo.generator.pinyin.ts';
import type { Place } from './demo.generator.places.ts';
import type { UsccKind } from './demo.generator.identifiers.ts';
import type { Rng } from './demo.generator.random.ts';

export type OrganisationType =
  | 'library'
  | 'university'
  | 'school'
  | 'research'
  | 'government'
  | 'publicInstitution'
  | 'stateOwned'
  | 'enterprise'
  | 'distributor';

export interface Organisation {
  name: string;
  shortName: string;
  customerType: OrganisationType;
  industry: string;
  /** Domain of its web site and staff e-mail (hengtongwl.com.cn, hz.gov.cn). */
  domain: string;
  usccKind: UsccKind;
}

/** Two-character trade names of the kind registered by the hundred thousand. */
const TRADE_NAMES = (
  '恒通 华信 鑫源 宏达 永盛 金鼎 瑞丰 天成 博雅 远航 新锐 中联 东方 和信 嘉禾 盛世 汇丰 锦程 启明 正泰 ' +
  '德润 安泰 宏图 联创 佳讯 海纳 同创 卓越 诚信 万达 华瑞 精工 百川 凯旋 星辰 长城 昊天 鼎盛 广源 新纪元 ' +
  '明阳 润泽 晨光 瑞祥 宇通 世纪 蓝海 金桥 泰和 兴业 中科 云帆 智远 腾达 华夏 顺丰 众合 立信 康泰 美达'
).split(' ');

/** Industry → the words a company of it puts before its legal form. */
const LINES: Record<string, readonly string[]> = {
  logistics: ['物流', '供应链管理', '货运代理', '运输'],
  it: ['科技', '信息技术', '软件', '网络科技', '数据科技'],
  manufacturing: ['机械制造', '电子', '精密制造', '新材料', '电器'],
  automotive: ['汽车销售服务', '汽车零部件', '新能源汽车'],
  retail: ['商贸', '贸易', '百货', '连锁超市'],
  construction: ['建设工程', '房地产开发', '建筑装饰'],
  energy: ['能源', '新能源科技', '电力工程'],
  agriculture: ['农业科技', '生态农业', '种业'],
  hospitality: ['餐饮管理', '酒店管理'],
  services: ['企业管理咨询', '人力资源服务', '广告'],
  finance: ['融资租赁', '投资管理'],
  insurance: ['保险代理', '保险经纪'],
  culture: ['文化传媒', '图书', '印务'],
  healthcare: ['医疗器械', '医药', '健康管理'],
  telecom: ['通信技术', '通信工程'],
  education: ['教育科技', '培训'],
  postal: ['快递', '速递'],
};
const ENTERPRISE_INDUSTRIES = Object.keys(LINES).map(
  (k) => [k, ['logistics', 'it', 'manufacturing', 'retail'].includes(k) ? 3 : 1] as const,
);

const LEGAL_FORMS = [
  ['有限公司', 60],
  ['有限责任公司', 12],
  ['股份有限公司', 15],
  ['集团有限公司', 5],
] as const;

const DISCIPLINES = '理工 师范 财经 医科 工业 农业 科技 交通 外国语 中医药 林业 海洋 政法 体育 艺术 电子科技 石油 信息工程'.split(
  ' ',
);
const OFFICES: readonly (readonly [string, string])[] = [
  ['人民政府', 'government'],
  ['教育局', 'government'],
  ['财政局', 'government'],
  ['交通运输局', 'government'],
  ['卫生健康委员会', 'healthcare'],
  ['市场监督管理局', 'government'],
  ['文化广电旅游局', 'culture'],
  ['公安局交通警察支队', 'government'],
  ['住房和城乡建设局', 'construction'],
  ['机关事务管理局', 'government'],
];
const INSTITUTIONS: readonly (readonly [string, string])[] = [
  ['人民医院', 'healthcare'],
  ['中医院', 'healthcare'],
  ['疾病预防控制中心', 'healthcare'],
  ['博物馆', 'culture'],
  ['档案馆', 'culture'],
  ['广播电视台', 'culture'],
  ['公共资源交易中心', 'government'],
];
const STATE_SECTORS: readonly (readonly [string, string])[] = [
  ['城市建设投资', 'construction'],
  ['公共交通', 'logistics'],
  ['水务', 'energy'],
  ['燃气', 'energy'],
  ['地铁', 'logistics'],
  ['文化旅游', 'culture'],
  ['港务', 'logistics'],
  ['出版', 'culture'],
];
const NATIONAL_FIRMS: readonly (readonly [string, string, string])[] = [
  ['中国邮政集团有限公司', 'postal', '邮政'],
  ['中国移动通信集团', 'telecom', '移动'],
  ['中国电信股份有限公司', 'telecom', '电信'],
  ['中国人民财产保险股份有限公司', 'insurance', '人保财险'],
  ['中国联合网络通信有限公司', 'telecom', '联通'],
  ['中国石化销售股份有限公司', 'energy', '中石化'],
];
const GOODS = '图书 办公用品 汽车 家电 建材 医疗器械 教学设备'.split(' ');
const NUMERALS = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五'.split(' ');
const RESEARCH = '工业技术 农业科学 环境科学 信息技术 建筑科学 交通科学'.split(' ');

export const ORGANISATION_TYPES: readonly (readonly [OrganisationType, number])[] = [
  ['enterprise', 62],
  ['stateOwned', 8],
  ['distributor', 8],
  ['library', 5],
  ['university', 4],
  ['school', 4],
  ['government', 5],
  ['publicInstitution', 3],
  ['research', 1],
];

export function pickOrganisation(rng: Rng, place: Place): Organisation {
  const type = rng.weighted(ORGANISATION_TYPES);
  const city = place.municipality ? place.province : place.city; // 北京市, 杭州市
  const local = initials(place.cityShort); // hz, bj
  switch (type) {
    case 'enterprise': {
      const industry = rng.weighted(ENTERPRISE_INDUSTRIES);
      const trade = rng.pick(TRADE_NAMES);
      const line = rng.pick(LINES[industry]!);
      // Most put the city first (北京恒通物流); some the city in brackets after the trade name (恒通（北京）物流).
      const bracketed = rng.chance(0.15);
      const name = bracketed
        ? `${trade}（${place.cityShort}）${line}${rng.weighted(LEGAL_FORMS)}`
        : `${place.cityShort}${trade}${line}${rng.weighted(LEGAL_FORMS)}`;
      return org(type, name, trade + line, industry, `${full(trade)}${initials(line)}.com.cn`, '91');
    }
    case 'distributor': {
      const trade = rng.pick(TRADE_NAMES);
      const goods = rng.pick(GOODS);
      const name = `${place.cityShort}${trade}${goods}${rng.chance(0.5) ? '经销' : '销售'}有限公司`;
      return org(type, name, trade + goods, 'retail', `${full(trade)}${initials(goods)}.com`, '91');
    }
    case 'stateOwned': {
      if (rng.chance(0.4)) {
        const [firm, industry, short] = rng.pick(NATIONAL_FIRMS);
        return org(type, `${firm}${city}分公司`, `${place.cityShort}${short}`, industry, `${initials(short)}.com.cn`, '91');
      }
      const [sector, industry] = rng.pick(STATE_SECTORS);
      const name = `${city}${sector}集团有限公司`;
      return org(type, name, `${place.cityShort}${sector}`, industry, `${local}${initials(sector)}.com.cn`, '91');
    }
    case 'library': {
      const shape = rng.int(0, 3);
      if (shape === 0 && place.district)
        return org(type, `${city}${place.district}图书馆`, `${place.district}图书馆`, 'culture', `${local}lib.cn`, '12');
      if (shape === 1) {
        const school = `${place.cityShort}${rng.pick(DISCIPLINES)}${rng.chance(0.6) ? '大学' : '学院'}`;
        return org(type, `${school}图书馆`, `${school}图书馆`, 'education', `lib.${initials(school)}.edu.cn`, '12');
      }
      if (shape === 2)
        return org(
          type,
          `${place.province}少年儿童图书馆`,
          `${place.provinceShort}少儿馆`,
          'culture',
          `${initials(place.provinceShort)}st.cn`,
          '12',
        );
      return org(type, `${city}图书馆`, `${place.cityShort}图书馆`, 'culture', `${local}lib.org.cn`, '12');
    }
    case 'university': {
      const vocational = rng.chance(0.3);
      const name = vocational
        ? `${place.cityShort}${rng.pick(['职业技术学院', '职业学院', '城市职业学院'])}`
        : `${rng.chance(0.5) ? place.cityShort : place.provinceShort}${rng.pick(DISCIPLINES)}${rng.chance(0.6) ? '大学' : '学院'}`;
      return org(
        type,
        name,
        name.replace(/大学$|学院$/, (m) => (m === '大学' ? '大' : '院')),
        'education',
        `${initials(name)}.edu.cn`,
        '12',
      );
    }
    case 'school': {
      const name = rng.chance(0.6)
        ? `${city}第${rng.pick(NUMERALS)}中学`
        : `${city}${place.district ?? ''}${rng.pick(['实验小学', '外国语学校', '实验中学', '第一小学'])}`;
      return org(type, name, name.replace(city, place.cityShort), 'education', `${initials(name)}.edu.cn`, '12');
    }
    case 'government': {
      const [office, industry] = rng.pick(OFFICES);
      const within = place.district && rng.chance(0.5) ? `${city}${place.district}` : city;
      const short = `${place.district && within !== city ? place.district.replace(/区$|县$/, '') : place.cityShort}${office.replace(/委员会$/, '委')}`;
      return org(type, `${within}${office}`, short, industry, `${local}.gov.cn`, '11');
    }
    case 'publicInstitution': {
      const [what, industry] = rng.pick(INSTITUTIONS);
      return org(type, `${city}${what}`, `${place.cityShort}${what}`, industry, `${local}${initials(what)}.org.cn`, '12');
    }
    case 'research': {
      const field = rng.pick(RESEARCH);
      const name = `${place.province}${field}研究院`;
      return org(
        type,
        name,
        `${place.provinceShort}${field}院`,
        field === '信息技术' ? 'it' : 'education',
        `${initials(name)}.ac.cn`,
        '12',
      );
    }
  }
}

const org = (
  customerType: OrganisationType,
  name: string,
  shortName: string,
  industry: string,
  domain: string,
  usccKind: UsccKind,
): Organisation => ({ name, shortName, customerType, industry, domain: domain.toLowerCase(), usccKind });
