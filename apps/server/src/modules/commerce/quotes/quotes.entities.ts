// The quote record type declared to the entity kit: list, card, form, access, audit, global search (by number),
// export come from it. Each revision is its own record titled by number and revision (Q2026-000012 v2). Status,
// dates of the flow and every total are read-only: the lines (quotes.lines.ts) and the actions (quotes.flow.ts) set
// them; the customer, contact, opportunity, dates, rounding, prices, terms and notes are edited while it is a draft.
import { defineEntity, type EntityDescriptor, type FieldSpec } from '../../../platform/entities/descriptor.ts';
import { L, option } from '../../../platform/entities/fields.ts';
import { DELETABLE_STATUSES, EDITABLE_STATUSES, quoteHooks } from './quotes.hooks.ts';
import { quotes as q } from './quotes.schema.ts';

export const QUOTE_STATUSES = [
  option('draft', '草稿', '草稿', 'Draft'),
  option('pendingApproval', '待审批', '待審批', 'Pending approval'),
  option('approved', '已批准', '已核准', 'Approved'),
  option('rejected', '已驳回', '已駁回', 'Rejected'),
  option('sent', '已发送', '已發送', 'Sent'),
  option('accepted', '客户已接受', '客戶已接受', 'Accepted'),
  option('declined', '客户已拒绝', '客戶已拒絕', 'Declined'),
  option('superseded', '已被修订', '已被修訂', 'Superseded'),
  option('expired', '已过期', '已過期', 'Expired'),
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number]['value'];

const ROUNDINGS = [
  option('perLine', '逐行舍入到分', '逐行捨入到分', 'Per line, to the fen'),
  option('perTotal', '合计舍入到分', '合計捨入到分', 'On the totals only'),
];
const PRICES = [
  option('inclusive', '含税价', '含稅價', 'Tax included'),
  option('exclusive', '不含税价', '不含稅價', 'Tax excluded'),
];
const DISCOUNT_KINDS = [option('percent', '折扣率', '折扣率', 'Percent'), option('amount', '折扣金额', '折扣金額', 'Amount')];

const total = (column: FieldSpec['column'], label: FieldSpec['label']): FieldSpec => ({
  type: 'decimal',
  section: 'totals',
  column,
  label,
  readOnly: true,
});

export const quoteEntity = defineEntity({
  name: 'quote',
  plural: 'quotes',
  label: L('报价单', '報價單', 'Quote'),
  subsystem: 'commerce',
  table: q,
  titleField: 'title',
  defaultSort: ['-createdAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    totals: L('金额', '金額', 'Totals'),
    flow: L('审批与发送', '審批與發送', 'Approval and sending'),
    terms: L('条款与备注', '條款與備註', 'Terms and notes'),
  },
  fields: {
    title: {
      type: 'text',
      section: 'basics',
      column: q.title,
      label: L('报价单', '報價單', 'Quote'),
      readOnly: true,
      filterable: false,
    },
    number: {
      type: 'text',
      section: 'basics',
      column: q.number,
      label: L('报价单号', '報價單號', 'Number'),
      readOnly: true,
      searchable: true,
    },
    revision: { type: 'integer', section: 'basics', column: q.revision, label: L('版本', '版本', 'Revision'), readOnly: true },
    status: {
      type: 'select',
      section: 'basics',
      column: q.status,
      label: L('状态', '狀態', 'Status'),
      options: QUOTE_STATUSES,
      readOnly: true,
    },
    customerId: {
      type: 'reference',
      section: 'basics',
      column: q.customerId,
      label: L('客户', '客戶', 'Customer'),
      reference: 'customer',
      required: true,
    },
    contactId: {
      type: 'reference',
      section: 'basics',
      column: q.contactId,
      label: L('联系人', '聯絡人', 'Contact'),
      reference: 'contact',
    },
    opportunityId: {
      type: 'reference',
      section: 'basics',
      column: q.opportunityId,
      label: L('商机', '商機', 'Opportunity'),
      reference: 'opportunity',
    },
    quoteDate: { type: 'date', section: 'basics', column: q.quoteDate, label: L('报价日期', '報價日期', 'Quote date') },
    validUntil: { type: 'date', section: 'basics', column: q.validUntil, label: L('有效期至', '有效期至', 'Valid until') },
    rounding: {
      type: 'select',
      section: 'totals',
      column: q.rounding,
      label: L('舍入方式', '捨入方式', 'Rounding'),
      options: ROUNDINGS,
    },
    prices: { type: 'select', section: 'totals', column: q.prices, label: L('价格口径', '價格口徑', 'Prices'), options: PRICES },
    currency: { type: 'text', section: 'totals', column: q.currency, label: L('币种', '幣別', 'Currency'), readOnly: true },
    totalDiscountKind: {
      type: 'select',
      section: 'totals',
      column: q.totalDiscountKind,
      label: L('整单折扣方式', '整單折扣方式', 'Total discount kind'),
      options: DISCOUNT_KINDS,
      readOnly: true,
    },
    totalDiscountValue: total(q.totalDiscountValue, L('整单折扣', '整單折扣', 'Total discount')),
    subtotal: total(q.subtotal, L('小计', '小計', 'Subtotal')),
    discountTotal: total(q.discountTotal, L('整单折扣金额', '整單折扣金額', 'Total discount amount')),
    netTotal: total(q.netTotal, L('不含税金额', '不含稅金額', 'Net')),
    taxTotal: total(q.taxTotal, L('税额', '稅額', 'Tax')),
    grossTotal: total(q.grossTotal, L('价税合计', '價稅合計', 'Total')),
    costTotal: total(q.costTotal, L('成本合计', '成本合計', 'Cost')),
    effectiveDiscountPercent: total(q.effectiveDiscountPercent, L('最大折扣（%）', '最大折扣（%）', 'Largest discount (%)')),
    approvedAt: {
      type: 'datetime',
      section: 'flow',
      column: q.approvedAt,
      label: L('批准时间', '核准時間', 'Approved at'),
      readOnly: true,
    },
    approvedBy: {
      type: 'reference',
      section: 'flow',
      column: q.approvedBy,
      label: L('批准人', '核准人', 'Approved by'),
      reference: 'user',
      readOnly: true,
    },
    sentAt: { type: 'datetime', section: 'flow', column: q.sentAt, label: L('发送时间', '發送時間', 'Sent at'), readOnly: true },
    acceptedAt: {
      type: 'datetime',
      section: 'flow',
      column: q.acceptedAt,
      label: L('接受时间', '接受時間', 'Accepted at'),
      readOnly: true,
    },
    orderId: {
      type: 'reference',
      section: 'flow',
      column: q.orderId,
      label: L('订单', '訂單', 'Order'),
      reference: 'order',
      readOnly: true,
    },
    previousId: {
      type: 'reference',
      section: 'flow',
      column: q.previousId,
      label: L('上一版本', '上一版本', 'Previous revision'),
      reference: 'quote',
      readOnly: true,
    },
    terms: { type: 'longText', section: 'terms', column: q.terms, label: L('条款', '條款', 'Terms'), maxLength: 4000 },
    notes: {
      type: 'longText',
      section: 'terms',
      column: q.notes,
      label: L('备注', '備註', 'Notes'),
      maxLength: 4000,
      searchable: true,
    },
  },
  hooks: quoteHooks,
  stateRights: (quote) => ({
    update: EDITABLE_STATUSES.includes(String(quote.status)),
    delete: DELETABLE_STATUSES.includes(String(quote.status)),
  }),
});

export const quoteEntities: EntityDescriptor[] = [quoteEntity];
