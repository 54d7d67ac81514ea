// English strings of the quotes pages; same keys as quotes.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const quotesEn: Messages['commerce']['quotes'] = {};
