// 繁體中文 interface strings (Taiwan usage); same keys as zh-CN.ts.
import type { Messages } from './zh-CN.ts';
import { adminZhTW } from '../../modules/admin/admin.messages.zh-TW.ts';
import { recordsZhTW } from '../../modules/records/records.messages.zh-TW.ts';
import { customersZhTW } from '../../modules/customers/customers.messages.zh-TW.ts';
import { activitiesZhTW } from '../../modules/activities/activities.messages.zh-TW.ts';
import { salesZhTW } from '../../modules/sales/sales.messages.zh-TW.ts';
import { commerceZhTW } from '../../modules/commerce/commerce.messages.zh-TW.ts';
import { importsZhTW } from '../../modules/imports/imports.messages.zh-TW.ts';

export const zhTW: Messages = {
  app: {
    name: '關係',
    fullName: '關係 Guanxi',
    documentTitle: '關係 Guanxi · 客戶關係管理',
    tagline: '為多分支機構企業打造的客戶關係管理系統',
  },
  common: {
    loading: '載入中…',
    listSeparator: '、',
    identity: '{{orgUnit}} · {{roles}}',
    retry: '重試',
    noRoles: '未指派角色',
  },
  language: {
    label: '介面語言',
  },
  login: {
    title: '登入',
    username: '使用者名稱',
    usernamePlaceholder: '請輸入使用者名稱',
    usernameRequired: '請輸入使用者名稱',
    password: '密碼',
    passwordPlaceholder: '請輸入密碼',
    passwordRequired: '請輸入密碼',
    submit: '登入',
    errors: {
      invalidCredentials: '使用者名稱或密碼不正確，請重新輸入。',
      locked: '登入失敗次數過多，帳戶已暫時鎖定，請在 {{wait}}後再試。',
      lockedNoWait: '登入失敗次數過多，帳戶已暫時鎖定，請稍後再試。',
      rateLimited: '登入嘗試過於頻繁，請在 {{wait}}後再試。',
      network: '無法連線到伺服器，請檢查網路後再試。',
      other: '登入失敗：{{message}}',
    },
    reasons: {
      expired: '登入已逾時，請重新登入。',
      signedOut: '登入狀態已失效，請重新登入。',
      loggedOut: '您已安全登出。',
    },
  },
  duration: {
    seconds: '{{seconds}} 秒',
    minutes: '{{minutes}} 分鐘',
    minutesSeconds: '{{minutes}} 分 {{seconds}} 秒',
  },
  shell: {
    signOut: '登出',
    signOutFailed: '登出失敗，請再試一次。',
    localeSaveFailed: '介面語言已切換，但未能儲存到您的帳戶。',
    openMenu: '開啟導覽選單',
    menuTitle: '導覽',
    collapse: '收合導覽',
    expand: '展開導覽',
    search: '搜尋',
    searchHint: '搜尋或前往…',
    skipToContent: '跳到主要內容',
  },
  nav: {
    label: '主導覽',
    desk: '工作台',
    recycleBin: '資源回收筒',
    groups: {
      customers: '客戶',
      activities: '活動',
      sales: '銷售',
      commerce: '商務',
      service: '服務',
      marketing: '行銷',
      partners: '通路',
      analytics: '分析',
      portal: '入口網站',
      platform: '平台',
    },
  },
  palette: {
    title: '搜尋與前往',
    placeholder: '輸入頁面名稱、紀錄名稱或拼音…',
    inputLabel: '搜尋頁面、紀錄和操作',
    pages: '頁面',
    actions: '操作',
    create: '新增{{type}}',
    searching: '正在搜尋…',
    noResults: '找不到相關的頁面或紀錄。',
    searchFailed: '紀錄搜尋暫時無法使用，頁面和操作仍可使用。',
    hint: '↑↓ 選擇 · Enter 開啟 · Esc 關閉',
  },
  notifications: {
    title: '通知',
    bell: '通知',
    bellUnread: '通知，{{count}} 則未讀',
    empty: '目前沒有通知',
    markRead: '標為已讀',
    markAllRead: '全部標為已讀',
    open: '查看',
    unread: '未讀',
    loadFailed: '通知載入失敗，請稍後再試。',
    actionFailed: '操作失敗，請稍後再試。',
    justNow: '剛剛',
  },
  desk: {
    title: '個人工作台',
    welcome: '{{name}}，您好！',
    intro: '這裡是您每天開始工作的地方。各業務模組上線後，與您相關的事項都會彙整到這裡。',
    upcomingTitle: '即將推出',
    recentEmpty: '您最近開啟過的客戶、聯絡人等紀錄會顯示在這裡，方便隨時返回。',
    tasksTitle: '我的待辦',
    tasksText: '今天要完成的任務、客戶拜訪與回訪，逾期事項會優先提醒。',
    remindersTitle: '到期提醒',
    remindersText: '客戶追蹤、合約續約與收款等到期提醒，不再錯過關鍵時點。',
    recentTitle: '最近瀏覽',
  },
  notFound: {
    title: '找不到頁面',
    text: '您要前往的頁面不存在或已被移除。',
    back: '返回個人工作台',
  },
  admin: adminZhTW,
  records: recordsZhTW,
  customers: customersZhTW,
  activities: activitiesZhTW,
  sales: salesZhTW,
  commerce: commerceZhTW,
  imports: importsZhTW,
};
