// 繁體中文 strings of the customer card's own panels; same keys as customers.messages.zh-CN.ts.
import type { Messages } from '../../app/i18n/zh-CN.ts';

export const customersZhTW: Messages['customers'] = {
  identifiers: {
    title: '號碼與證件',
    empty: '尚未登記電話、車牌、保單號碼等。',
    add: '新增號碼',
    added: '號碼已新增',
    type: '類型',
    value: '號碼',
    valueRequired: '請輸入號碼',
    contact: '聯絡人',
    ofCustomer: '客戶本身',
    remove: '刪除號碼 {{value}}',
    removeTitle: '刪除號碼 {{value}}？',
  },
  timeline: {
    title: '時間軸',
    filter: '只看',
    empty: '尚無任何往來記錄。',
  },
  duplicates: {
    title: '可能已有這個客戶（{{count}} 個相似）',
    identifier: '號碼相同',
    name: '名稱相同',
    owner: '負責人：{{owner}}',
  },
  merge: {
    button: '合併重複客戶',
    title: '將重複客戶合併到「{{name}}」',
    intro:
      '選擇重複的客戶後，它的聯絡人、號碼、活動和其他關聯記錄都會移到本客戶，它本身移入資源回收筒，雙方的修改記錄都會保留。兩邊不同的欄位，請選擇要保留的值。',
    pick: '選擇要合併進來的重複客戶',
    self: '不能將客戶合併到它自己。',
    same: '兩個客戶的欄位值相同。',
    keep: '保留的值',
    run: '合併',
    done: '「{{name}}」已合併到本客戶',
  },
  region: {
    label: '地區',
    placeholder: '選擇或輸入省 / 市 / 區，如「朝阳」',
    notFound: '沒有這個地區',
  },
  team: {
    title: '客戶團隊',
    manager: '客戶經理',
    member: '團隊成員',
    shared: '共享',
    read: '唯讀',
    edit: '可編輯',
    add: '新增成員',
    addRun: '新增',
    added: '已新增到客戶團隊',
    user: '選擇同事',
    access: '權限',
    remove: '移除',
    removeTitle: '將 {{name}} 移出客戶團隊？',
    removeLabel: '移除成員 {{name}}',
  },
  actions: {
    title: '快速操作',
    logCall: '記錄電話',
    logVisit: '記錄拜訪',
    newTask: '新增任務',
  },
};
