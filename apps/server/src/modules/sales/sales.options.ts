// Choice lists of leads and opportunities, labelled for office staff in 简体, 繁體 and English.
import { option as o } from '../../platform/entities/fields.ts';

export const LEAD_SOURCES = [
  o('web_form', '网站表单', '網站表單', 'Web form'),
  o('phone', '来电', '來電', 'Phone'),
  o('manual', '手工录入', '手工錄入', 'Manual entry'),
  o('import', '导入', '匯入', 'Import'),
  o('campaign', '市场活动', '市場活動', 'Campaign'),
  o('referral', '转介绍', '轉介紹', 'Referral'),
  o('exhibition', '展会', '展會', 'Trade fair'),
] as const;

export const LEAD_STATUSES = [
  o('new', '新线索', '新線索', 'New'),
  o('working', '跟进中', '跟進中', 'Working'),
  o('qualified', '已确认', '已確認', 'Qualified'),
  o('disqualified', '已作废', '已作廢', 'Disqualified'),
  o('converted', '已转化', '已轉化', 'Converted'),
] as const;

export const DISQUALIFY_REASONS = [
  o('no_need', '无需求', '無需求', 'No need'),
  o('no_budget', '无预算', '無預算', 'No budget'),
  o('unreachable', '联系不上', '聯絡不上', 'Unreachable'),
  o('duplicate', '重复线索', '重複線索', 'Duplicate'),
  o('spam', '垃圾信息', '垃圾訊息', 'Spam'),
  o('competitor', '已选竞争对手', '已選競爭對手', 'Chose a competitor'),
] as const;

export const INTERESTS = [
  o('parcel', '包裹快递', '包裹快遞', 'Parcels'),
  o('postal', '邮政业务', '郵政業務', 'Postal services'),
  o('subscription', '报刊订阅', '報刊訂閱', 'Subscriptions'),
  o('books', '图书采购', '圖書採購', 'Books'),
  o('vehicles', '整车采购', '整車採購', 'Vehicles'),
  o('service', '维修服务', '維修服務', 'After-sales service'),
  o('insurance', '保险', '保險', 'Insurance'),
  o('other', '其他', '其他', 'Other'),
] as const;

export const FORECAST_CATEGORIES = [
  o('pipeline', '管道', '管道', 'Pipeline'),
  o('best_case', '最佳情况', '最佳情況', 'Best case'),
  o('commit', '承诺', '承諾', 'Commit'),
  o('omitted', '不计入', '不計入', 'Omitted'),
  o('closed', '已成交', '已成交', 'Closed'),
] as const;

export const LOSS_REASONS = [
  o('price', '价格', '價格', 'Price'),
  o('competitor', '竞争对手', '競爭對手', 'Competitor'),
  o('no_budget', '预算取消', '預算取消', 'Budget cut'),
  o('no_decision', '客户无决定', '客戶無決定', 'No decision'),
  o('product_fit', '产品不符', '產品不符', 'Product fit'),
  o('timing', '时机不对', '時機不對', 'Timing'),
  o('other', '其他', '其他', 'Other'),
] as const;

export const CURRENCIES = [
  o('CNY', '人民币', '人民幣', 'Renminbi'),
  o('HKD', '港币', '港幣', 'Hong Kong dollar'),
  o('USD', '美元', '美元', 'US dollar'),
  o('EUR', '欧元', '歐元', 'Euro'),
] as const;
