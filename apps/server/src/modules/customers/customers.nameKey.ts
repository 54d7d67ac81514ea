// The rule two customer names are compared by for duplicates, as one pure function: 「北京东区邮政服务（北京）有限公司」
// and 「北京东区邮政服务有限公司」 are the same name, 「Acme Co., Ltd.」 and 「ACME」 too. Stored in customers.name_key.

/** Chinese legal forms, longest first so 集团有限公司 goes in one step; stripped from the end again and again. */
const CHINESE_SUFFIXES = [
  '集团股份有限公司',
  '集團股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '集团有限公司',
  '集團有限公司',
  '有限公司',
  '集团公司',
  '集團公司',
  '股份公司',
  '有限合伙',
  '有限合夥',
  '集团',
  '集團',
  '公司',
];

/** English legal forms as whole words at the end, with their dots and commas: 「Co., Ltd.」, 「Inc」, 「Group」. */
const ENGLISH_SUFFIX =
  /(^|[\s,.&])(co|ltd|limited|inc|incorporated|corp|corporation|company|llc|llp|plc|gmbh|group|holdings?|pte)[\s,.]*$/u;

/** Bracketed parts, in half-width brackets (full-width ones become these under NFKC) and the CJK ones. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|［[^［］]*］/gu;

/** Anything that is not a letter or digit: spaces, punctuation, symbols (·, &, -, …). */
const NOT_WORD = /[^\p{L}\p{N}]/gu;

/**
 * The comparison key of a customer name: NFKC (full-width letters and brackets to half-width), lower case,
 * bracketed parts such as （北京） removed, legal forms removed from the end, then spaces and punctuation removed.
 * A leading place name stays part of the name: 北京银行 and 上海银行 are two banks. Empty when nothing is left.
 */
export function customerNameKey(name: string): string {
  let text = name.normalize('NFKC').toLowerCase();
  // Nested brackets go from the inside out.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(BRACKETED, ' ');
  }
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/[\s,.·、，。]+$/u, '');
    const suffix = CHINESE_SUFFIXES.find((s) => text.endsWith(s) && text.length > s.length);
    if (suffix) text = text.slice(0, -suffix.length);
    else {
      const match = ENGLISH_SUFFIX.exec(text);
      if (match && match.index + match[1]!.length > 0) text = text.slice(0, match.index + match[1]!.length);
    }
  }
  return text.replace(NOT_WORD, '');
}
