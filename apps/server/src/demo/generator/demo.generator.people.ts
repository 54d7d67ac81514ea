// People's names: surnames with their real shares (王, 李, 张 and 刘 alone carry a quarter of China), given names of
// one or two characters from the characters parents choose most, and the pinyin an e-mail address is made from.
import { fullPinyin, syllables } from './demo.generator.pinyin.ts';
import type { Rng } from './demo.generator.random.ts';

/** The hundred or so commonest surnames and their share in per mille (2020 household register, rounded). */
const SURNAMES: readonly (readonly [string, number])[] = (
  '王 71 李 70 张 67 刘 54 陈 46 杨 31 黄 22 赵 20 吴 20 周 19 徐 16 孙 15 马 14 朱 13 胡 12 郭 11 何 10 林 10 高 10 ' +
  '罗 9 郑 8 梁 8 谢 7 宋 6 唐 6 许 6 韩 6 冯 5 邓 5 曹 5 彭 5 曾 5 肖 5 田 5 董 4 袁 4 潘 4 于 4 蒋 4 蔡 4 余 4 ' +
  '杜 4 叶 4 程 4 苏 4 魏 3 吕 3 丁 3 任 3 沈 3 姚 3 卢 3 姜 3 崔 3 钟 3 谭 3 陆 3 汪 3 范 3 金 3 石 3 廖 3 贾 3 ' +
  '夏 2 韦 2 付 2 方 2 白 2 邹 2 孟 2 熊 2 秦 2 邱 2 江 2 尹 2 薛 2 闫 2 段 2 雷 2 侯 2 龙 2 史 2 陶 2 黎 2 贺 2 ' +
  '顾 2 毛 2 郝 2 龚 2 邵 2 万 2 钱 2 严 2 覃 1 武 1 戴 1 莫 1 孔 1 向 1 汤 1 欧阳 0.3 司马 0.1 诸葛 0.1 上官 0.1'
)
  .split(' ')
  .reduce<[string, number][]>((pairs, token, i, all) => (i % 2 ? pairs : [...pairs, [token, Number(all[i + 1])]]), []);

const MALE =
  '伟 强 磊 军 洋 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 峰 建 国 志 文 海 东 晨 博 然 毅 锋 亮 成 庆 振 立 新 彬'.split(
    ' ',
  );
const FEMALE =
  '芳 娜 敏 静 丽 艳 娟 霞 秀 燕 玲 桂 丹 萍 红 琳 倩 婷 雪 慧 颖 佳 琪 欣 怡 悦 雯 晶 洁 蕾 璐 莉 薇 梅 兰 英 云 岚 晓 梦 思 雨 诗 涵 嘉 婧 妍 瑶 楠'.split(
    ' ',
  );

export interface Person {
  name: string;
  surname: string;
  given: string;
  gender: 'male' | 'female';
  /** zhangwei, for e-mail addresses. */
  pinyin: string;
  /** zhangw: surname in full, initials of the given name. */
  pinyinShort: string;
}

export function pickPerson(rng: Rng): Person {
  const surname = rng.weighted(SURNAMES);
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const chars = gender === 'male' ? MALE : FEMALE;
  // About one in six given names has a single character (王伟, 李娜); the rest have two (王建国, 李思雨).
  const given = rng.chance(0.16) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  const surnamePinyin = fullPinyin(surname, true);
  const givenPinyin = [...given].flatMap((ch) => syllables(ch));
  return {
    name: surname + given,
    surname,
    given,
    gender,
    pinyin: surnamePinyin + givenPinyin.join(''),
    pinyinShort: surnamePinyin + givenPinyin.map((s) => s[0]).join(''),
  };
}

/** Every surname the generator uses, for tests. */
export const GENERATED_SURNAMES: readonly string[] = SURNAMES.map(([s]) => s);
