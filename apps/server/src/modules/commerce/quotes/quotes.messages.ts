// Error messages of quotes, by code, in 简体, 繁體 and English.
import { registerMessages } from '../../../platform/i18n/i18n.ts';

registerMessages({
  'zh-CN': {
    QUOTE_LOCKED: '报价单已提交或已批准，不能再修改；请新建修订版。',
    QUOTE_STATUS: '报价单当前的状态不允许此操作。',
    QUOTE_EXPIRED: '报价单已过有效期，请新建修订版。',
    QUOTE_NOT_DELETABLE: '已提交、已批准、已发送、已接受或已被修订的报价单不能删除。',
    QUOTE_ALREADY_ACCEPTED: '报价单已被客户接受，订单已生成。',
    QUOTE_NO_LINES: '报价单还没有明细，不能提交。',
    QUOTE_LINE_NAME_REQUIRED: '请填写产品名称。',
    QUOTE_LINE_PRICE_REQUIRED: '请填写单价。',
    QUOTE_LINE_TAX_REQUIRED: '请填写税率。',
    QUOTE_VALID_UNTIL_BEFORE_DATE: '有效期不能早于报价日期。',
    QUOTE_CONTACT_NOT_OF_CUSTOMER: '联系人不属于该客户。',
  },
  'zh-TW': {
    QUOTE_LOCKED: '報價單已提交或已核准，不能再修改；請新建修訂版。',
    QUOTE_STATUS: '報價單目前的狀態不允許此操作。',
    QUOTE_EXPIRED: '報價單已過有效期，請新建修訂版。',
    QUOTE_NOT_DELETABLE: '已提交、已核准、已發送、已接受或已被修訂的報價單不能刪除。',
    QUOTE_ALREADY_ACCEPTED: '報價單已被客戶接受，訂單已產生。',
    QUOTE_NO_LINES: '報價單還沒有明細，不能提交。',
    QUOTE_LINE_NAME_REQUIRED: '請填寫產品名稱。',
    QUOTE_LINE_PRICE_REQUIRED: '請填寫單價。',
    QUOTE_LINE_TAX_REQUIRED: '請填寫稅率。',
    QUOTE_VALID_UNTIL_BEFORE_DATE: '有效期不能早於報價日期。',
    QUOTE_CONTACT_NOT_OF_CUSTOMER: '聯絡人不屬於該客戶。',
  },
  en: {
    QUOTE_LOCKED: 'The quote has been submitted or approved and cannot be changed; create a revision.',
    QUOTE_STATUS: 'The quote’s status does not allow this.',
    QUOTE_EXPIRED: 'The quote is past its validity date; create a revision.',
    QUOTE_NOT_DELETABLE: 'A quote that is submitted, approved, sent, accepted or revised cannot be deleted.',
    QUOTE_ALREADY_ACCEPTED: 'The customer has already accepted the quote; its order exists.',
    QUOTE_NO_LINES: 'The quote has no lines to submit.',
    QUOTE_LINE_NAME_REQUIRED: 'Enter the product name.',
    QUOTE_LINE_PRICE_REQUIRED: 'Enter the unit price.',
    QUOTE_LINE_TAX_REQUIRED: 'Enter the tax rate.',
    QUOTE_VALID_UNTIL_BEFORE_DATE: 'The validity date cannot be before the quote date.',
    QUOTE_CONTACT_NOT_OF_CUSTOMER: 'The contact does not belong to this customer.',
  },
});
