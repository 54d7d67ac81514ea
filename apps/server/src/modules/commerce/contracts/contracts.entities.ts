// The contract record type declared to the entity kit: list, card, form, access, audit, global search (number HT…,
// name with its pinyin), export and import come from it; contracts.hooks.ts adds the rules.
import { defineEntity, type EntityDescriptor } from '../../../platform/entities/descriptor.ts';
import { L } from '../../../platform/entities/fields.ts';
import { textField as text } from '../../../platform/entities/fieldSpecs.ts';
import { CURRENCIES } from '../../sales/sales.options.ts';
import { contractHooks } from './contracts.hooks.ts';
import { CONTRACT_STATUSES } from './contracts.options.ts';
import { contracts } from './contracts.schema.ts';

const c = contracts;

export const contractEntity = defineEntity({
  name: 'contract',
  plural: 'contracts',
  label: L('合同', '合約', 'Contract'),
  subsystem: 'commerce',
  table: c,
  titleField: 'name',
  defaultSort: ['-createdAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    parties: L('签约方', '簽約方', 'Parties'),
    term: L('期限与金额', '期限與金額', 'Term and amount'),
    terms: L('条款', '條款', 'Terms'),
    renewal: L('续签', '續簽', 'Renewal'),
  },
  fields: {
    // Without a name of its own a contract is called by its number (the hook fills it), so the title is never empty.
    name: text(c.name, L('合同名称', '合約名稱', 'Contract name'), 'basics', {
      searchable: true,
      sortKey: { by: 'pinyin', column: c.nameSort },
    }),
    number: text(c.number, L('合同编号', '合約編號', 'Contract number'), 'basics', {
      readOnly: true,
      searchable: true,
      maxLength: 30,
    }),
    customerId: {
      type: 'reference',
      section: 'basics',
      column: c.customerId,
      label: L('客户', '客戶', 'Customer'),
      reference: 'customer',
      required: true,
    },
    contactId: {
      type: 'reference',
      section: 'basics',
      column: c.contactId,
      label: L('联系人', '聯絡人', 'Contact'),
      reference: 'contact',
    },
    status: {
      type: 'select',
      section: 'basics',
      column: c.status,
      label: L('状态', '狀態', 'Status'),
      options: CONTRACT_STATUSES,
    },
    quoteId: {
      type: 'reference',
      section: 'basics',
      column: c.quoteId,
      label: L('来源报价', '來源報價', 'From quote'),
      reference: 'quote',
      readOnly: true,
    },
    customerSignatory: text(c.customerSignatory, L('客户方签约人', '客戶方簽約人', 'Customer signatory'), 'parties', {
      maxLength: 100,
    }),
    ourSignatory: text(c.ourSignatory, L('我方签约人', '我方簽約人', 'Our signatory'), 'parties', { maxLength: 100 }),
    signedOn: { type: 'date', section: 'parties', column: c.signedOn, label: L('签订日期', '簽訂日期', 'Signed on') },
    startDate: {
      type: 'date',
      section: 'term',
      column: c.startDate,
      label: L('开始日期', '開始日期', 'Start date'),
      required: true,
    },
    endDate: { type: 'date', section: 'term', column: c.endDate, label: L('结束日期', '結束日期', 'End date') },
    amount: {
      type: 'decimal',
      section: 'term',
      column: c.amount,
      label: L('合同金额', '合約金額', 'Amount'),
      min: 0,
      max: 9_999_999_999_999,
    },
    currency: {
      type: 'select',
      section: 'term',
      column: c.currency,
      label: L('币种', '幣別', 'Currency'),
      options: CURRENCIES,
    },
    paymentTerms: {
      type: 'longText',
      section: 'terms',
      column: c.paymentTerms,
      label: L('付款条件', '付款條件', 'Payment terms'),
      maxLength: 2000,
    },
    terms: { type: 'longText', section: 'terms', column: c.terms, label: L('合同条款', '合約條款', 'Terms'), maxLength: 20_000 },
    renewalReminderDays: {
      type: 'integer',
      section: 'renewal',
      column: c.renewalReminderDays,
      label: L('到期前提醒（天）', '到期前提醒（天）', 'Remind days before end'),
      min: 0,
      max: 365,
    },
    renewalRemindedAt: {
      type: 'datetime',
      section: 'renewal',
      column: c.renewalRemindedAt,
      label: L('已提醒续签', '已提醒續簽', 'Renewal reminder sent'),
      readOnly: true,
    },
    renewedFromId: {
      type: 'reference',
      section: 'renewal',
      column: c.renewedFromId,
      label: L('续签自', '續簽自', 'Renews'),
      reference: 'contract',
      readOnly: true,
    },
  },
  relations: {
    renewals: { entity: 'contract', field: 'renewedFromId', label: L('续签合同', '續簽合約', 'Renewals') },
    activities: { entity: 'activity', field: 'relatedId', label: L('活动', '活動', 'Activities') },
  },
  hooks: contractHooks,
});

export const contractEntities: EntityDescriptor[] = [contractEntity];
