// The product record type declared to the entity kit: list, detail, form, access, audit, global search (SKU and
// name with its pinyin), export and import (物料编码, 产品名称, 单价, 税率 … map by these labels) come from it.
import { defineEntity, type EntityDescriptor, type FieldSpec } from '../../../platform/entities/descriptor.ts';
import { L } from '../../../platform/entities/fields.ts';
import { TAX_RATES, UNITS } from './catalog.options.ts';
import { productHooks } from './catalog.products.ts';
import { products } from './catalog.schema.ts';
import './catalog.categories.ts';

const p = products;
const money = (column: FieldSpec['column'], label: FieldSpec['label'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'decimal',
  section: 'prices',
  column,
  label,
  min: 0,
  max: 9_999_999_999_999,
  ...extra,
});

export const productEntity = defineEntity({
  name: 'product',
  plural: 'products',
  label: L('产品', '產品', 'Product'),
  subsystem: 'commerce',
  table: p,
  titleField: 'name',
  defaultSort: ['sku'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    prices: L('价格与税率', '價格與稅率', 'Prices and tax'),
    supply: L('供应', '供應', 'Supply'),
  },
  fields: {
    sku: {
      type: 'text',
      section: 'basics',
      column: p.sku,
      label: L('物料编码', '物料編碼', 'SKU'),
      required: true,
      maxLength: 50,
      searchable: true,
    },
    name: {
      type: 'text',
      section: 'basics',
      column: p.name,
      label: L('产品名称', '產品名稱', 'Product name'),
      required: true,
      maxLength: 200,
      searchable: true,
      sortKey: { by: 'pinyin', column: p.nameSort },
    },
    categoryId: {
      type: 'reference',
      section: 'basics',
      column: p.categoryId,
      label: L('产品分类', '產品分類', 'Category'),
      reference: 'productCategory',
    },
    unit: {
      type: 'select',
      section: 'basics',
      column: p.unit,
      label: L('单位', '單位', 'Unit'),
      options: UNITS,
      required: true,
    },
    listPrice: money(p.listPrice, L('单价', '單價', 'List price'), { required: true }),
    nameEn: {
      type: 'text',
      section: 'basics',
      column: p.nameEn,
      label: L('英文名称', '英文名稱', 'English name'),
      maxLength: 200,
      searchable: true,
    },
    discontinued: {
      type: 'boolean',
      section: 'basics',
      column: p.discontinued,
      label: L('停售', '停售', 'Discontinued'),
    },
    standardCost: money(p.standardCost, L('标准成本', '標準成本', 'Standard cost')),
    taxRate: {
      type: 'select',
      section: 'prices',
      column: p.taxRate,
      label: L('税率', '稅率', 'Tax rate'),
      options: TAX_RATES,
      required: true,
    },
    supplier: {
      type: 'text',
      section: 'supply',
      column: p.supplier,
      label: L('供应商', '供應商', 'Supplier'),
      maxLength: 200,
    },
    leadTimeDays: {
      type: 'integer',
      section: 'supply',
      column: p.leadTimeDays,
      label: L('交货周期（天）', '交貨週期（天）', 'Lead time (days)'),
      min: 0,
      max: 3650,
    },
    description: {
      type: 'longText',
      section: 'supply',
      column: p.description,
      label: L('产品说明', '產品說明', 'Description'),
      maxLength: 4000,
    },
  },
  hooks: productHooks,
});

export const catalogEntities: EntityDescriptor[] = [productEntity];
