// 简体中文 interface strings: the source of every key; zh-TW and en must provide the same keys.
import { adminZhCN } from '../../modules/admin/admin.messages.zh-CN.ts';
import { recordsZhCN } from '../../modules/records/records.messages.zh-CN.ts';
import { customersZhCN } from '../../modules/customers/customers.messages.zh-CN.ts';
import { activitiesZhCN } from '../../modules/activities/activities.messages.zh-CN.ts';
import { salesZhCN } from '../../modules/sales/sales.messages.zh-CN.ts';
import { commerceZhCN } from '../../modules/commerce/commerce.messages.zh-CN.ts';
import { importsZhCN } from '../../modules/imports/imports.messages.zh-CN.ts';
export const zhCN = {
  app: {
    name: '关系',
    fullName: '关系 Guanxi',
    documentTitle: '关系 Guanxi · 客户关系管理',
    tagline: '面向多分支机构企业的客户关系管理系统',
  },
  common: {
    loading: '正在加载…',
    listSeparator: '、',
    identity: '{{orgUnit}} · {{roles}}',
    retry: '重试',
    noRoles: '未分配角色',
  },
  language: {
    label: '界面语言',
  },
  login: {
    title: '登录',
    username: '用户名',
    usernamePlaceholder: '请输入用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    errors: {
      invalidCredentials: '用户名或密码不正确，请重新输入。',
      locked: '登录失败次数过多，账户已暂时锁定，请在 {{wait}}后重试。',
      lockedNoWait: '登录失败次数过多，账户已暂时锁定，请稍后再试。',
      rateLimited: '登录尝试过于频繁，请在 {{wait}}后重试。',
      network: '无法连接服务器，请检查网络后重试。',
      other: '登录失败：{{message}}',
    },
    reasons: {
      expired: '登录已过期，请重新登录。',
      signedOut: '登录状态已失效，请重新登录。',
      loggedOut: '您已安全退出。',
    },
  },
  duration: {
    seconds: '{{seconds}} 秒',
    minutes: '{{minutes}} 分钟',
    minutesSeconds: '{{minutes}} 分 {{seconds}} 秒',
  },
  shell: {
    signOut: '退出登录',
    signOutFailed: '退出登录失败，请重试。',
    localeSaveFailed: '界面语言已切换，但未能保存到您的账户。',
    openMenu: '打开导航菜单',
    menuTitle: '导航',
    collapse: '收起导航',
    expand: '展开导航',
    search: '搜索',
    searchHint: '搜索或跳转…',
    skipToContent: '跳到主要内容',
  },
  nav: {
    label: '主导航',
    desk: '工作台',
    recycleBin: '回收站',
    groups: {
      customers: '客户',
      activities: '活动',
      sales: '销售',
      commerce: '商务',
      service: '服务',
      marketing: '市场',
      partners: '渠道',
      analytics: '分析',
      portal: '门户',
      platform: '平台',
    },
  },
  palette: {
    title: '搜索与跳转',
    placeholder: '输入页面名称、记录名称或拼音…',
    inputLabel: '搜索页面、记录和操作',
    pages: '页面',
    actions: '操作',
    create: '新建{{type}}',
    searching: '正在搜索…',
    noResults: '没有找到相关的页面或记录。',
    searchFailed: '记录搜索暂时不可用，页面和操作仍可使用。',
    hint: '↑↓ 选择 · Enter 打开 · Esc 关闭',
  },
  notifications: {
    title: '通知',
    bell: '通知',
    bellUnread: '通知，{{count}} 条未读',
    empty: '暂无通知',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    open: '查看',
    unread: '未读',
    loadFailed: '通知加载失败，请稍后重试。',
    actionFailed: '操作失败，请稍后重试。',
    justNow: '刚刚',
  },
  desk: {
    title: '个人工作台',
    welcome: '{{name}}，您好！',
    intro: '这里是您每天开始工作的地方。各业务模块上线后，与您相关的事项都会汇集到这里。',
    upcomingTitle: '即将上线',
    recentEmpty: '您最近打开过的客户、联系人等记录会显示在这里，方便随时返回。',
    tasksTitle: '我的待办',
    tasksText: '今天要完成的任务、客户拜访和回访，逾期事项会优先提醒。',
    remindersTitle: '到期提醒',
    remindersText: '客户跟进、合同续签和回款等到期提醒，不再错过关键节点。',
    recentTitle: '最近访问',
  },
  notFound: {
    title: '页面不存在',
    text: '您访问的页面不存在或已被移除。',
    back: '返回个人工作台',
  },
  admin: adminZhCN,
  records: recordsZhCN,
  customers: customersZhCN,
  activities: activitiesZhCN,
  sales: salesZhCN,
  commerce: commerceZhCN,
  imports: importsZhCN,
};

/** The shape every language must fill: the same keys, any strings. */
export type Messages = NestedStrings<typeof zhCN>;
type NestedStrings<T> = T extends string ? string : { [K in keyof T]: NestedStrings<T[K]> };
