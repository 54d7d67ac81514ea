// The record types of the customers module — customers and their contacts — declared to the entity kit, which
// gives them every list, form, access, audit, search and export path.
import { defineEntity, type EntityDescriptor, type FieldSpec } from '../../platform/entities/descriptor.ts';
import {
  CHANNELS,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  DECISION_ROLES,
  GRADES,
  INDUSTRIES,
  L,
  LIFECYCLE_STAGES,
  SOURCES,
  TAGS,
} from './customers.options.ts';
import { contactHooks, customerHooks } from './customers.service.ts';
import { contacts, customers } from './customers.schema.ts';
import { selectField } from '../../platform/entities/fieldSpecs.ts';

const text = (column: FieldSpec['column'], label: FieldSpec['label'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'text',
  column,
  label,
  maxLength: 200,
  ...extra,
});

const c = customers;
export const customerEntity = defineEntity({
  name: 'customer',
  plural: 'customers',
  label: L('客户', '客戶', 'Customer'),
  subsystem: 'customers',
  table: c,
  titleField: 'name',
  defaultSort: ['-createdAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    classification: L('分类与阶段', '分類與階段', 'Classification and stage'),
    region: L('地区与地址', '地區與地址', 'Region and address'),
    other: L('其他', '其他', 'Other'),
  },
  fields: {
    name: text(c.name, L('客户名称', '客戶名稱', 'Customer name'), {
      section: 'basics',
      required: true,
      searchable: true,
      sortKey: { by: 'pinyin', column: c.nameSort },
    }),
    shortName: text(c.shortName, L('简称', '簡稱', 'Short name'), { section: 'basics', maxLength: 100, searchable: true }),
    kind: selectField(c.kind, L('客户性质', '客戶性質', 'Kind'), CUSTOMER_KINDS, 'basics', { required: true }),
    status: selectField(c.status, L('状态', '狀態', 'Status'), CUSTOMER_STATUSES, 'basics'),
    industry: selectField(c.industry, L('所属行业', '所屬行業', 'Industry'), INDUSTRIES, 'classification'),
    customerType: selectField(c.customerType, L('客户类别', '客戶類別', 'Customer type'), CUSTOMER_TYPES, 'classification'),
    grade: selectField(c.grade, L('客户等级', '客戶等級', 'Grade'), GRADES, 'classification'),
    lifecycleStage: selectField(
      c.lifecycleStage,
      L('生命周期阶段', '生命週期階段', 'Lifecycle stage'),
      LIFECYCLE_STAGES,
      'classification',
    ),
    source: selectField(c.source, L('客户来源', '客戶來源', 'Source'), SOURCES, 'classification'),
    tags: { type: 'tags', section: 'classification', column: c.tags, label: L('标签', '標籤', 'Tags'), options: TAGS },
    province: text(c.province, L('省份', '省份', 'Province'), { section: 'region', maxLength: 20 }),
    city: text(c.city, L('城市', '城市', 'City'), { section: 'region', maxLength: 30 }),
    district: text(c.district, L('区县', '區縣', 'District'), { section: 'region', maxLength: 30 }),
    address: text(c.address, L('详细地址', '詳細地址', 'Address'), { section: 'region', maxLength: 300 }),
    firstContactDate: {
      type: 'date',
      section: 'other',
      column: c.firstContactDate,
      label: L('首次接触日期', '首次接觸日期', 'First contact date'),
    },
    website: text(c.website, L('网址', '網址', 'Website'), { section: 'other', maxLength: 300 }),
    notes: { type: 'longText', section: 'other', column: c.notes, label: L('备注', '備註', 'Notes') },
  },
  relations: {
    contacts: { entity: 'contact', field: 'customerId', label: L('联系人', '聯絡人', 'Contacts') },
    activities: { entity: 'activity', field: 'customerId', label: L('活动', '活動', 'Activities') },
    opportunities: { entity: 'opportunity', field: 'customerId', label: L('商机', '商機', 'Opportunities') },
    quotes: { entity: 'quote', field: 'customerId', label: L('报价单', '報價單', 'Quotes') },
  },
  hooks: customerHooks,
});

const p = contacts;
export const contactEntity = defineEntity({
  name: 'contact',
  plural: 'contacts',
  label: L('联系人', '聯絡人', 'Contact'),
  subsystem: 'customers',
  table: p,
  titleField: 'name',
  defaultSort: ['-createdAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    reach: L('联系方式', '聯絡方式', 'How to reach'),
    other: L('其他', '其他', 'Other'),
  },
  fields: {
    customerId: {
      type: 'reference',
      section: 'basics',
      column: p.customerId,
      label: L('所属客户', '所屬客戶', 'Customer'),
      reference: 'customer',
      required: true,
    },
    name: text(p.name, L('姓名', '姓名', 'Name'), {
      section: 'basics',
      required: true,
      maxLength: 100,
      searchable: true,
      sortKey: { by: 'pinyin', column: p.nameSort },
    }),
    title: text(p.title, L('职务', '職務', 'Title'), { section: 'basics', maxLength: 100 }),
    department: text(p.department, L('部门', '部門', 'Department'), { section: 'basics', maxLength: 100 }),
    decisionRole: selectField(p.decisionRole, L('决策角色', '決策角色', 'Role in decisions'), DECISION_ROLES, 'basics'),
    phone: {
      type: 'phone',
      section: 'reach',
      column: p.phone,
      label: L('办公电话', '辦公電話', 'Office phone'),
      searchable: true,
    },
    mobile: { type: 'phone', section: 'reach', column: p.mobile, label: L('手机', '手機', 'Mobile'), searchable: true },
    email: { type: 'email', section: 'reach', column: p.email, label: L('电子邮箱', '電子郵件', 'E-mail'), searchable: true },
    preferredChannel: selectField(p.preferredChannel, L('首选联系方式', '首選聯絡方式', 'Preferred channel'), CHANNELS, 'reach'),
    birthday: { type: 'date', section: 'other', column: p.birthday, label: L('生日', '生日', 'Birthday') },
    notes: { type: 'longText', section: 'other', column: p.notes, label: L('备注', '備註', 'Notes') },
  },
  relations: { activities: { entity: 'activity', field: 'contactId', label: L('活动', '活動', 'Activities') } },
  hooks: contactHooks,
});

export const customerEntities: EntityDescriptor[] = [customerEntity, contactEntity];
