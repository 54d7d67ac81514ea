// 简体中文 strings of the quotes pages (t('commerce.quotes.…')); the other languages fill the same keys.
export const quotesZhCN = {};
