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
  merge: {
    button: '合并重复客户',
    title: '把重复客户合并到“{{name}}”',
    intro:
      '选择重复的客户后，它的联系人、号码、活动和其他关联记录都会移到本客户，它本身移入回收站，双方的修改记录都会保留。两边不同的字段，请选择要保留的值。',
    pick: '选择要合并进来的重复客户',
    self: '不能把客户合并到它自己。',
    same: '两个客户的字段值相同。',
    keep: '保留的值',
    run: '合并',
    done: '“{{name}}”已合并到本客户',
  },
  actions: {
    title: '快捷操作',
    logCall: '记录电话',
    logVisit: '记录拜访',
    newTask: '新建任务',
  },
};
