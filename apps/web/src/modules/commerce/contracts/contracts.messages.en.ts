// English strings of the contracts pages; same keys as contracts.messages.zh-CN.ts.
import type { Messages } from '../../../app/i18n/zh-CN.ts';

export const contractsEn: Messages['commerce']['contracts'] = {};
