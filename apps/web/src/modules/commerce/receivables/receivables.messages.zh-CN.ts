// 简体中文 strings of the receivables pages (t('commerce.receivables.…')); the other languages fill the same keys.
export const receivablesZhCN = {};
