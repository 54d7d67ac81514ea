// 简体中文 interface strings: the source of every key; zh-TW and en must provide the same keys.
import { adminZhCN } from '../../modules/admin/admin.messages.zh-CN.ts';
import { recordsZhCN } from '../../modules/records/records.messages.zh-CN.ts';
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
  },
  desk: {
    title: '个人工作台',
    welcome: '{{name}}，您好！',
    intro: '这里是您每天开始工作的地方。各业务模块上线后，与您相关的事项都会汇集到这里。',
    upcomingTitle: '即将上线',
    tasksTitle: '我的待办',
    tasksText: '今天要完成的任务、客户拜访和回访，逾期事项会优先提醒。',
    remindersTitle: '到期提醒',
    remindersText: '客户跟进、合同续签和回款等到期提醒，不再错过关键节点。',
    recentTitle: '最近访问',
    recentText: '最近查看或编辑过的客户、商机和订单，一键返回继续处理。',
  },
  notFound: {
    title: '页面不存在',
    text: '您访问的页面不存在或已被移除。',
    back: '返回个人工作台',
  },
  admin: adminZhCN,
  records: recordsZhCN,
};

/** The shape every language must fill: the same keys, any strings. */
export type Messages = NestedStrings<typeof zhCN>;
type NestedStrings<T> = T extends string ? string : { [K in keyof T]: NestedStrings<T[K]> };
