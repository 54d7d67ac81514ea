// Identifier types (phone, plate, policy number, …) and how each is normalised for matching: the same number or
// plate typed in different ways must compare equal, and a type marked unique may belong to one customer only.
import type { LocalizedText } from '@guanxi/contracts';
import { normalizePhone } from '../../platform/search/search.text.ts';
import { L } from './customers.options.ts';

type Normalizer = (value: string) => string;

/** Codes such as plates, policy and tax numbers: no spaces, separators or dots, upper case. */
const normalizeCode: Normalizer = (value) => value.replace(/[\s\-_.·・]/g, '').toUpperCase();

export interface IdentifierType {
  key: string;
  label: LocalizedText;
  /** A value of a unique type may be held by one customer (or contact) only. */
  unique: boolean;
  /** Shown masked to callers who may not edit the customer (national ID numbers). */
  sensitive: boolean;
  normalize: Normalizer;
  /** What a normalised value must look like; a value that does not is refused. */
  pattern?: RegExp;
}

const type = (
  key: string,
  label: LocalizedText,
  normalize: Normalizer,
  options: { unique?: boolean; sensitive?: boolean; pattern?: RegExp } = {},
): IdentifierType => ({
  key,
  label,
  normalize,
  unique: options.unique ?? false,
  sensitive: options.sensitive ?? false,
  pattern: options.pattern,
});

const CODE = /^[\p{Script=Han}A-Z0-9/]{4,40}$/u;

/** The built-in types. Phones and e-mails are shared within families and offices, so they are not unique. */
export const BUILT_IN_IDENTIFIER_TYPES: readonly IdentifierType[] = [
  type('phone', L('电话', '電話', 'Phone'), normalizePhone, { pattern: /^\d{5,20}$/ }),
  type('mobile', L('手机', '手機', 'Mobile'), normalizePhone, { pattern: /^\d{6,20}$/ }),
  type('email', L('电子邮箱', '電子郵件', 'E-mail'), (v) => v.trim().toLowerCase(), { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ }),
  type('plate', L('车牌号', '車牌號', 'Licence plate'), normalizeCode, {
    unique: true,
    pattern: /^[\p{Script=Han}A-Z0-9]{5,10}$/u,
  }),
  type('policy', L('保单号', '保單號', 'Policy number'), normalizeCode, { unique: true, pattern: CODE }),
  type('nationalId', L('身份证号', '身分證號', 'National ID'), normalizeCode, { unique: true, sensitive: true, pattern: CODE }),
  type('taxNumber', L('统一社会信用代码', '統一編號', 'Tax number'), normalizeCode, { unique: true, pattern: CODE }),
  type('externalId', L('外部系统编号', '外部系統編號', 'External ID'), (v) => v.trim(), { unique: true }),
];

/** A type an administrator adds: matched without spaces and case, unique as they decide. */
export const customIdentifierType = (key: string, label: LocalizedText, unique: boolean): IdentifierType =>
  type(key, label, normalizeCode, { unique, pattern: /^.+$/u });

/** 110101199003071234 → 110***********1234: enough to tell two apart, not enough to misuse. */
export const maskValue = (value: string): string =>
  value.length <= 7 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
