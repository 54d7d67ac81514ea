// English strings of the receivables pages; same keys as receivables.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const receivablesEn: Messages['commerce']['receivables'] = {};
