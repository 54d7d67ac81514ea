// Choice lists of the customer and contact fields, labelled for office staff in 简体, 繁體 and English.
import { option as o } from '../../platform/entities/fields.ts';

export { L } from '../../platform/entities/fields.ts';

export const CUSTOMER_KINDS = [
  o('organisation', '单位客户', '單位客戶', 'Organisation'),
  o('individual', '个人客户', '個人客戶', 'Individual'),
] as const;

export const INDUSTRIES = [
  o('government', '政府机关', '政府機關', 'Government'),
  o('education', '教育', '教育', 'Education'),
  o('culture', '文化出版', '文化出版', 'Culture and publishing'),
  o('healthcare', '医疗卫生', '醫療衛生', 'Healthcare'),
  o('finance', '金融', '金融', 'Finance'),
  o('insurance', '保险', '保險', 'Insurance'),
  o('manufacturing', '制造业', '製造業', 'Manufacturing'),
  o('automotive', '汽车', '汽車', 'Automotive'),
  o('it', '信息技术', '資訊科技', 'Information technology'),
  o('telecom', '通信', '通訊', 'Telecommunications'),
  o('energy', '能源', '能源', 'Energy'),
  o('construction', '建筑地产', '建築地產', 'Construction and real estate'),
  o('logistics', '交通物流', '交通物流', 'Transport and logistics'),
  o('postal', '邮政快递', '郵政快遞', 'Postal and courier'),
  o('retail', '批发零售', '批發零售', 'Wholesale and retail'),
  o('hospitality', '餐饮酒店', '餐飲酒店', 'Hospitality'),
  o('agriculture', '农林牧渔', '農林牧漁', 'Agriculture'),
  o('services', '商务服务', '商務服務', 'Business services'),
  o('other', '其他', '其他', 'Other'),
] as const;

export const CUSTOMER_TYPES = [
  o('library', '图书馆', '圖書館', 'Library'),
  o('university', '高等院校', '大專院校', 'University'),
  o('school', '中小学', '中小學', 'School'),
  o('research', '科研院所', '研究機構', 'Research institute'),
  o('government', '政府机关', '政府機關', 'Government'),
  o('publicInstitution', '事业单位', '事業單位', 'Public institution'),
  o('stateOwned', '国有企业', '國有企業', 'State-owned enterprise'),
  o('enterprise', '企业', '企業', 'Enterprise'),
  o('distributor', '经销商', '經銷商', 'Distributor'),
  o('individual', '个人', '個人', 'Individual'),
  o('other', '其他', '其他', 'Other'),
] as const;

export const GRADES = [
  o('A', 'A 级', 'A 級', 'A'),
  o('B', 'B 级', 'B 級', 'B'),
  o('C', 'C 级', 'C 級', 'C'),
  o('D', 'D 级', 'D 級', 'D'),
] as const;

export const LIFECYCLE_STAGES = [
  o('prospect', '潜在客户', '潛在客戶', 'Prospect'),
  o('active', '成交客户', '成交客戶', 'Active customer'),
  o('key', '重点客户', '重點客戶', 'Key account'),
  o('dormant', '休眠客户', '休眠客戶', 'Dormant'),
  o('lost', '流失客户', '流失客戶', 'Lost'),
] as const;

export const CUSTOMER_STATUSES = [o('active', '启用', '啟用', 'Active'), o('inactive', '停用', '停用', 'Inactive')] as const;

export const SOURCES = [
  o('referral', '客户介绍', '客戶介紹', 'Referral'),
  o('exhibition', '展会', '展會', 'Trade fair'),
  o('tender', '招投标', '招投標', 'Tender'),
  o('website', '官网咨询', '官網諮詢', 'Website enquiry'),
  o('phone', '电话咨询', '電話諮詢', 'Phone enquiry'),
  o('coldCall', '陌生拜访', '陌生拜訪', 'Cold call'),
  o('partner', '合作伙伴', '合作夥伴', 'Partner'),
  o('marketing', '市场活动', '市場活動', 'Marketing campaign'),
  o('other', '其他', '其他', 'Other'),
] as const;

/** Tags offered first on a customer; users add free ones too (a tag typed as a label here is stored as its value). */
export const TAGS = [
  o('vip', '贵宾', '貴賓', 'VIP'),
  o('annualContract', '年度合同', '年度合約', 'Annual contract'),
  o('governmentProcurement', '政府采购', '政府採購', 'Government procurement'),
  o('repeatBuyer', '复购客户', '回購客戶', 'Repeat buyer'),
  o('priceSensitive', '价格敏感', '價格敏感', 'Price-sensitive'),
  o('needsVisit', '需拜访', '需拜訪', 'Visit needed'),
  o('overdue', '有欠款', '有欠款', 'Payment overdue'),
] as const;

export const DECISION_ROLES = [
  o('decisionMaker', '决策人', '決策者', 'Decision maker'),
  o('influencer', '影响人', '影響者', 'Influencer'),
  o('user', '使用人', '使用者', 'User'),
  o('buyer', '采购经办', '採購經辦', 'Buyer'),
  o('gatekeeper', '把关人', '把關者', 'Gatekeeper'),
  o('other', '其他', '其他', 'Other'),
] as const;

export const CHANNELS = [
  o('phone', '电话', '電話', 'Phone'),
  o('mobile', '手机', '手機', 'Mobile'),
  o('wechat', '微信', '微信', 'WeChat'),
  o('email', '电子邮件', '電子郵件', 'E-mail'),
  o('visit', '上门拜访', '登門拜訪', 'Visit'),
] as const;
