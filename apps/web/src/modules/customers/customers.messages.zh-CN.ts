// 简体中文 strings of the customer card's own panels; zh-TW and en provide the same keys.
export const customersZhCN = {
  identifiers: {
    title: '号码与证件',
    empty: '还没有登记电话、车牌、保单号等号码。',
    add: '添加号码',
    added: '号码已添加',
    type: '类型',
    value: '号码',
    valueRequired: '请输入号码',
    contact: '联系人',
    ofCustomer: '客户本身',
    remove: '删除号码 {{value}}',
    removeTitle: '删除号码 {{value}}？',
  },
  timeline: {
    title: '时间线',
    filter: '只看',
    empty: '还没有任何往来记录。',
  },
  duplicates: {
    title: '可能已有这个客户（{{count}} 个相似）',
    identifier: '号码相同',
    name: '名称相同',
    owner: '负责人：{{owner}}',
  },
  actions: {
    title: '快捷操作',
    logCall: '记录电话',
    logVisit: '记录拜访',
    newTask: '新建任务',
  },
};
