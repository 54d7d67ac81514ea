// The price engine's explanation in the user's words, with the real zh-CN strings: list and break, the discount
// rule, the contract price that takes no discount, the list price.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type { PricedLine } from '@guanxi/contracts';
import { commerceZhCN } from './commerce.messages.zh-CN.ts';
import { explainPrice } from './priceExplain.ts';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { commerce: commerceZhCN } } }, initImmediate: false });
const t = i18n.t.bind(i18n) as unknown as TFunction;

const line = (over: Partial<PricedLine>): PricedLine => ({
  productId: '0190a0a0-0000-7000-8000-000000000001',
  sku: 'KD-001',
  productName: '标准快递',
  unit: 'piece',
  quantity: '10',
  taxRate: '0.06',
  listPrice: '12.00',
  unitPrice: '10.80',
  amount: '108.00',
  source: { kind: 'listPrice', unitPrice: '12.00' },
  discounts: [],
  ...over,
});

describe('price explanation', () => {
  it('names the list, its break and the discount rule', () => {
    expect(
      explainPrice(
        t,
        line({
          source: { kind: 'gradeList', listId: 'x', listName: 'A 级客户价', breakMinQuantity: '10', unitPrice: '11.00' },
          discounts: [{ ruleId: 'r', ruleName: '快递九五折', percent: '5', amountPerUnit: '0.55', scope: 'category' }],
        }),
      ),
    ).toBe('客户等级价格表「A 级客户价」，10 起 11.00 元；折扣规则「快递九五折」减 5%（每单位减 0.55 元）');
  });

  it('says when a contract price takes no discount, and when the list price applies', () => {
    expect(
      explainPrice(
        t,
        line({
          source: { kind: 'customerList', listId: 'x', listName: '协议价', breakMinQuantity: '1', unitPrice: '9.00' },
          discountNote: 'contractPrice',
        }),
      ),
    ).toBe('客户专属价格表「协议价」，1 起 9.00 元；客户专属价不再参与折扣');
    expect(explainPrice(t, line({}))).toBe('产品单价，12.00 元；无折扣');
  });
});
