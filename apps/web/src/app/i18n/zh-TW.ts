// 繁體中文 interface strings (Taiwan usage); same keys as zh-CN.ts.
import type { Messages } from './zh-CN.ts';
import { adminZhTW } from '../../modules/admin/admin.messages.zh-TW.ts';
import { recordsZhTW } from '../../modules/records/records.messages.zh-TW.ts';

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
  },
  desk: {
    title: '個人工作台',
    welcome: '{{name}}，您好！',
    intro: '這裡是您每天開始工作的地方。各業務模組上線後，與您相關的事項都會彙整到這裡。',
    upcomingTitle: '即將推出',
    tasksTitle: '我的待辦',
    tasksText: '今天要完成的任務、客戶拜訪與回訪，逾期事項會優先提醒。',
    remindersTitle: '到期提醒',
    remindersText: '客戶追蹤、合約續約與收款等到期提醒，不再錯過關鍵時點。',
    recentTitle: '最近瀏覽',
    recentText: '最近檢視或編輯過的客戶、商機與訂單，一鍵返回繼續處理。',
  },
  notFound: {
    title: '找不到頁面',
    text: '您要前往的頁面不存在或已被移除。',
    back: '返回個人工作台',
  },
  admin: adminZhTW,
  records: recordsZhTW,
};
