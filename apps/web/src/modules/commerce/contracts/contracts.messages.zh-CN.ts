// 简体中文 strings of the contracts pages (t('commerce.contracts.…')); the other languages fill the same keys.
export const contractsZhCN = {};
