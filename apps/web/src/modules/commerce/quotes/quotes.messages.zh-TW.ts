// 繁體中文 strings of the quotes pages; same keys as quotes.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const quotesZhTW: Messages['commerce']['quotes'] = {};
