// 简体中文 strings of the orders pages (t('commerce.orders.…')); the other languages fill the same keys.
export const ordersZhCN = {};
