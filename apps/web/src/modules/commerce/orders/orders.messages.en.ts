// English strings of the orders pages; same keys as orders.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const ordersEn: Messages['commerce']['orders'] = {};
