// 繁體中文 strings of the contracts pages; same keys as contracts.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const contractsZhTW: Messages['commerce']['contracts'] = {};
