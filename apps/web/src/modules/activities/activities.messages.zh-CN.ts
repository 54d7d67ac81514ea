// 简体中文 strings of the activity pages' own inputs; zh-TW and en provide the same keys.
export const activitiesZhCN = {
  related: {
    label: '关联记录',
    type: '记录类型',
    record: '搜索记录',
    typeFirst: '先选择记录类型',
  },
};
