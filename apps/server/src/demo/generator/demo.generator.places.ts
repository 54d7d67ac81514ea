// Where generated customers are: a province (weighted roughly by economic weight, mainland only), one of its cities
// from the bundled region list (so every region passes the customer's region check), a district where the list has
// them; plus what follows from the place — the plate abbreviation, the telephone area code and the division code.
import { REGIONS } from '../../modules/customers/customers.regions.data.ts';
import type { Rng } from './demo.generator.random.ts';

interface ProvinceInfo {
  /** Relative share of generated customers. */
  weight: number;
  /** Licence plate abbreviation (京, 沪, 粤…). */
  plate: string;
  /** First two digits of the administrative division code (GB/T 2260). */
  code: string;
}

const PROVINCE_INFO: Record<string, ProvinceInfo> = {
  北京市: { weight: 6, plate: '京', code: '11' },
  天津市: { weight: 2, plate: '津', code: '12' },
  河北省: { weight: 3, plate: '冀', code: '13' },
  山西省: { weight: 1.5, plate: '晋', code: '14' },
  内蒙古自治区: { weight: 1, plate: '蒙', code: '15' },
  辽宁省: { weight: 2, plate: '辽', code: '21' },
  吉林省: { weight: 1, plate: '吉', code: '22' },
  黑龙江省: { weight: 1, plate: '黑', code: '23' },
  上海市: { weight: 6, plate: '沪', code: '31' },
  江苏省: { weight: 8, plate: '苏', code: '32' },
  浙江省: { weight: 7, plate: '浙', code: '33' },
  安徽省: { weight: 3, plate: '皖', code: '34' },
  福建省: { weight: 3.5, plate: '闽', code: '35' },
  江西省: { weight: 2, plate: '赣', code: '36' },
  山东省: { weight: 6, plate: '鲁', code: '37' },
  河南省: { weight: 4, plate: '豫', code: '41' },
  湖北省: { weight: 3.5, plate: '鄂', code: '42' },
  湖南省: { weight: 3, plate: '湘', code: '43' },
  广东省: { weight: 9, plate: '粤', code: '44' },
  广西壮族自治区: { weight: 1.5, plate: '桂', code: '45' },
  海南省: { weight: 0.6, plate: '琼', code: '46' },
  重庆市: { weight: 2.5, plate: '渝', code: '50' },
  四川省: { weight: 4, plate: '川', code: '51' },
  贵州省: { weight: 1.2, plate: '贵', code: '52' },
  云南省: { weight: 1.5, plate: '云', code: '53' },
  西藏自治区: { weight: 0.2, plate: '藏', code: '54' },
  陕西省: { weight: 2.5, plate: '陕', code: '61' },
  甘肃省: { weight: 0.8, plate: '甘', code: '62' },
  青海省: { weight: 0.3, plate: '青', code: '63' },
  宁夏回族自治区: { weight: 0.3, plate: '宁', code: '64' },
  新疆维吾尔自治区: { weight: 0.8, plate: '新', code: '65' },
};

/** Area codes of the cities that have one here; a customer elsewhere gets no landline rather than a wrong code. */
const AREA_CODES: Record<string, string> = {
  北京市: '010',
  上海市: '021',
  天津市: '022',
  重庆市: '023',
  广州市: '020',
  深圳市: '0755',
  东莞市: '0769',
  佛山市: '0757',
  珠海市: '0756',
  汕头市: '0754',
  杭州市: '0571',
  宁波市: '0574',
  温州市: '0577',
  绍兴市: '0575',
  嘉兴市: '0573',
  湖州市: '0572',
  金华市: '0579',
  台州市: '0576',
  南京市: '025',
  苏州市: '0512',
  无锡市: '0510',
  常州市: '0519',
  南通市: '0513',
  徐州市: '0516',
  扬州市: '0514',
  济南市: '0531',
  青岛市: '0532',
  烟台市: '0535',
  潍坊市: '0536',
  成都市: '028',
  绵阳市: '0816',
  武汉市: '027',
  长沙市: '0731',
  郑州市: '0371',
  洛阳市: '0379',
  西安市: '029',
  沈阳市: '024',
  大连市: '0411',
  长春市: '0431',
  哈尔滨市: '0451',
  石家庄市: '0311',
  唐山市: '0315',
  保定市: '0312',
  太原市: '0351',
  合肥市: '0551',
  福州市: '0591',
  厦门市: '0592',
  泉州市: '0595',
  南昌市: '0791',
  南宁市: '0771',
  桂林市: '0773',
  海口市: '0898',
  三亚市: '0898',
  贵阳市: '0851',
  昆明市: '0871',
  兰州市: '0931',
  西宁市: '0971',
  银川市: '0951',
  乌鲁木齐市: '0991',
  呼和浩特市: '0471',
  拉萨市: '0891',
};

export interface Place {
  province: string;
  city: string;
  district?: string;
  /** The city without 市 (杭州), for names. */
  cityShort: string;
  /** The province without 省/市/自治区 (浙江, 广西), for names. */
  provinceShort: string;
  plate: string;
  /** Plate letter of the city: A for the first (the capital), B for the next… */
  plateLetter: string;
  areaCode?: string;
  /** Six-digit division code of the city (GB/T 2260 shape). */
  divisionCode: string;
  municipality: boolean;
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXY';

const provinceShort = (name: string) => name.replace(/(壮族|回族|维吾尔)?自治区$/, '').replace(/[省市]$/, '');

/** Cities a business is named after: the bundled ones whose name ends in 市 (no prefectures, leagues, areas). */
const PROVINCES = REGIONS.filter((p) => PROVINCE_INFO[p.name]).map((p) => {
  const info = PROVINCE_INFO[p.name]!;
  const cities = (p.children ?? []).map((c, i) => ({ ...c, index: i })).filter((c) => c.name.endsWith('市'));
  return { name: p.name, info, cities };
});
const PROVINCE_WEIGHTS = PROVINCES.map((p) => [p, p.info.weight] as const);

export function pickPlace(rng: Rng): Place {
  const province = rng.weighted(PROVINCE_WEIGHTS);
  // The capital (first in the list) draws a third of a province's customers, as business does.
  const city = rng.chance(0.35) ? province.cities[0]! : rng.pick(province.cities);
  const district = city.children ? rng.pick(city.children).name : undefined;
  const municipality = province.cities.length === 1;
  const cityShort = municipality ? provinceShort(province.name) : city.name.replace(/市$/, '');
  return {
    province: province.name,
    city: city.name,
    ...(district ? { district } : {}),
    cityShort,
    provinceShort: provinceShort(province.name),
    plate: province.info.plate,
    plateLetter: PLATE_LETTERS[city.index % PLATE_LETTERS.length]!,
    ...(AREA_CODES[city.name] ? { areaCode: AREA_CODES[city.name] } : {}),
    divisionCode: `${province.info.code}${String(city.index + 1).padStart(2, '0')}${String(rng.int(1, 9)).padStart(2, '0')}`,
    municipality,
  };
}

/** Every plate abbreviation, for tests. */
export const PLATE_ABBREVIATIONS: readonly string[] = Object.values(PROVINCE_INFO).map((i) => i.plate);
