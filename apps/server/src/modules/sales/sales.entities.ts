// The lead and opportunity record types declared to the entity kit, which gives them every list, form, access,
// audit, search, export and import path; pipelines and stages are lookups their reference fields point at.
import { defineEntity, type EntityDescriptor } from '../../platform/entities/descriptor.ts';
import { L } from '../../platform/entities/fields.ts';
import { selectField as select, textField as text } from '../../platform/entities/fieldSpecs.ts';
import {
  CURRENCIES,
  DISQUALIFY_REASONS,
  FORECAST_CATEGORIES,
  INTERESTS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LOSS_REASONS,
} from './sales.options.ts';
import { CUSTOMER_TYPES } from '../customers/customers.options.ts';
import { leadHooks } from './sales.leads.service.ts';
import { opportunityHooks } from './sales.opportunities.service.ts';
import { leads, opportunities } from './sales.schema.ts';

const o = opportunities;
export const opportunityEntity = defineEntity({
  name: 'opportunity',
  plural: 'opportunities',
  label: L('商机', '商機', 'Opportunity'),
  subsystem: 'sales',
  table: o,
  titleField: 'name',
  defaultSort: ['-updatedAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    stage: L('阶段与预测', '階段與預測', 'Stage and forecast'),
    closing: L('成交与输单', '成交與輸單', 'Closing'),
    other: L('其他', '其他', 'Other'),
  },
  fields: {
    name: text(o.name, L('商机名称', '商機名稱', 'Name'), 'basics', {
      required: true,
      searchable: true,
      sortKey: { by: 'pinyin', column: o.nameSort },
    }),
    customerId: {
      type: 'reference',
      section: 'basics',
      column: o.customerId,
      label: L('客户', '客戶', 'Customer'),
      reference: 'customer',
      required: true,
    },
    contactId: {
      type: 'reference',
      section: 'basics',
      column: o.contactId,
      label: L('联系人', '聯絡人', 'Contact'),
      reference: 'contact',
    },
    amount: {
      type: 'decimal',
      section: 'basics',
      column: o.amount,
      label: L('金额', '金額', 'Amount'),
      min: 0,
      max: 9_999_999_999_999,
    },
    currency: select(o.currency, L('币种', '幣別', 'Currency'), CURRENCIES, 'basics'),
    expectedCloseDate: {
      type: 'date',
      section: 'basics',
      column: o.expectedCloseDate,
      label: L('预计成交日期', '預計成交日期', 'Expected close'),
    },
    pipelineId: {
      type: 'reference',
      section: 'stage',
      column: o.pipelineId,
      label: L('销售流程', '銷售流程', 'Pipeline'),
      reference: 'pipeline',
    },
    stageId: {
      type: 'reference',
      section: 'stage',
      column: o.stageId,
      label: L('阶段', '階段', 'Stage'),
      reference: 'stage',
      referenceParent: 'pipelineId',
    },
    probability: {
      type: 'integer',
      section: 'stage',
      column: o.probability,
      label: L('赢率（%）', '贏率（%）', 'Probability (%)'),
      min: 0,
      max: 100,
    },
    forecastCategory: select(o.forecastCategory, L('预测类别', '預測類別', 'Forecast category'), FORECAST_CATEGORIES, 'stage'),
    nextStep: text(o.nextStep, L('下一步', '下一步', 'Next step'), 'stage', { maxLength: 300 }),
    stageEnteredAt: {
      type: 'datetime',
      section: 'stage',
      column: o.stageEnteredAt,
      label: L('进入阶段时间', '進入階段時間', 'In stage since'),
      readOnly: true,
    },
    competitors: { type: 'tags', section: 'closing', column: o.competitors, label: L('竞争对手', '競爭對手', 'Competitors') },
    lossReason: select(o.lossReason, L('输单原因', '輸單原因', 'Loss reason'), LOSS_REASONS, 'closing'),
    lossNote: {
      type: 'longText',
      section: 'closing',
      column: o.lossNote,
      label: L('输单说明', '輸單說明', 'Loss note'),
      maxLength: 2000,
    },
    closedAt: {
      type: 'datetime',
      section: 'closing',
      column: o.closedAt,
      label: L('关闭时间', '關閉時間', 'Closed at'),
      readOnly: true,
    },
    source: select(o.source, L('来源', '來源', 'Source'), LEAD_SOURCES, 'other'),
    leadId: {
      type: 'reference',
      section: 'other',
      column: o.leadId,
      label: L('来源线索', '來源線索', 'From lead'),
      reference: 'lead',
      readOnly: true,
    },
    description: { type: 'longText', section: 'other', column: o.description, label: L('描述', '描述', 'Description') },
  },
  relations: {
    activities: { entity: 'activity', field: 'relatedId', label: L('活动', '活動', 'Activities') },
  },
  hooks: opportunityHooks,
});

const l = leads;
export const leadEntity = defineEntity({
  name: 'lead',
  plural: 'leads',
  label: L('线索', '線索', 'Lead'),
  subsystem: 'sales',
  table: l,
  titleField: 'name',
  defaultSort: ['-createdAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    reach: L('联系方式', '聯絡方式', 'How to reach'),
    qualify: L('跟进与确认', '跟進與確認', 'Qualification'),
    conversion: L('转化', '轉化', 'Conversion'),
  },
  fields: {
    name: text(l.name, L('姓名', '姓名', 'Name'), 'basics', {
      required: true,
      maxLength: 100,
      searchable: true,
      sortKey: { by: 'pinyin', column: l.nameSort },
    }),
    company: text(l.company, L('单位名称', '單位名稱', 'Company'), 'basics', { searchable: true }),
    title: text(l.title, L('职务', '職務', 'Title'), 'basics', { maxLength: 100 }),
    customerType: select(l.customerType, L('客户类型', '客戶類型', 'Customer type'), CUSTOMER_TYPES, 'basics'),
    province: text(l.province, L('省份', '省份', 'Province'), 'basics', { maxLength: 20 }),
    city: text(l.city, L('城市', '城市', 'City'), 'basics', { maxLength: 30 }),
    mobile: { type: 'phone', section: 'reach', column: l.mobile, label: L('手机', '手機', 'Mobile'), searchable: true },
    phone: { type: 'phone', section: 'reach', column: l.phone, label: L('电话', '電話', 'Phone'), searchable: true },
    email: { type: 'email', section: 'reach', column: l.email, label: L('电子邮箱', '電子郵件', 'E-mail'), searchable: true },
    source: select(l.source, L('线索来源', '線索來源', 'Source'), LEAD_SOURCES, 'qualify'),
    interest: select(l.interest, L('意向产品', '意向產品', 'Interest'), INTERESTS, 'qualify'),
    campaign: text(l.campaign, L('市场活动', '市場活動', 'Campaign'), 'qualify', { maxLength: 100 }),
    status: select(l.status, L('状态', '狀態', 'Status'), LEAD_STATUSES, 'qualify'),
    disqualifyReason: select(l.disqualifyReason, L('作废原因', '作廢原因', 'Disqualify reason'), DISQUALIFY_REASONS, 'qualify', {
      when: { field: 'status', values: ['disqualified'] },
    }),
    message: { type: 'longText', section: 'qualify', column: l.message, label: L('留言', '留言', 'Message'), maxLength: 2000 },
    assignedByRule: text(l.assignedByRule, L('分配规则', '分配規則', 'Assigned by rule'), 'qualify', { readOnly: true }),
    convertedAt: {
      type: 'datetime',
      section: 'conversion',
      column: l.convertedAt,
      label: L('转化时间', '轉化時間', 'Converted at'),
      readOnly: true,
    },
    convertedCustomerId: {
      type: 'reference',
      section: 'conversion',
      column: l.convertedCustomerId,
      label: L('转化客户', '轉化客戶', 'Customer'),
      reference: 'customer',
      readOnly: true,
    },
    convertedContactId: {
      type: 'reference',
      section: 'conversion',
      column: l.convertedContactId,
      label: L('转化联系人', '轉化聯絡人', 'Contact'),
      reference: 'contact',
      readOnly: true,
    },
    convertedOpportunityId: {
      type: 'reference',
      section: 'conversion',
      column: l.convertedOpportunityId,
      label: L('转化商机', '轉化商機', 'Opportunity'),
      reference: 'opportunity',
      readOnly: true,
    },
  },
  relations: {
    activities: { entity: 'activity', field: 'relatedId', label: L('活动', '活動', 'Activities') },
  },
  hooks: leadHooks,
});

export const salesEntities: EntityDescriptor[] = [leadEntity, opportunityEntity];
