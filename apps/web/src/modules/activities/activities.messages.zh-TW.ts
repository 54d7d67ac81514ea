// 繁體中文 strings of the activity pages' own inputs.
export const activitiesZhTW = {
  related: {
    label: '關聯記錄',
    type: '記錄類型',
    record: '搜尋記錄',
    typeFirst: '請先選擇記錄類型',
  },
};
