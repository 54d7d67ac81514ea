// Error messages of the commerce settings (letterhead, discount limits, approval chain), in 简体, 繁體 and English.
import { registerMessages } from '../../../platform/i18n/i18n.ts';

registerMessages({
  'zh-CN': {
    LOGO_NOT_BASE64: '公司标志的数据无法读取，请重新上传图片。',
    LOGO_TOO_LARGE: '公司标志不能超过 300 KB。',
    LOGO_NOT_IMAGE: '公司标志必须是 PNG 或 JPEG 图片。',
    LIMIT_PERCENT_DECIMALS: '百分比最多保留两位小数。',
    LIMIT_PERCENT_RANGE: '折扣上限必须在 0 到 100% 之间。',
    STEP_PERCENT_RANGE: '审批上限必须大于 0%，且不能超过 100%。',
    LIMIT_ROLE_DUPLICATE: '同一角色只能设置一个折扣上限。',
    ROLE_NOT_FOUND: '角色不存在。',
    STEP_UNLIMITED_NOT_LAST: '只有最后一个启用的审批步骤可以不设上限。',
    STEP_NOT_INCREASING: '审批上限必须逐级提高：每一步都要高于上一步。',
  },
  'zh-TW': {
    LOGO_NOT_BASE64: '公司標誌的資料無法讀取，請重新上傳圖片。',
    LOGO_TOO_LARGE: '公司標誌不能超過 300 KB。',
    LOGO_NOT_IMAGE: '公司標誌必須是 PNG 或 JPEG 圖片。',
    LIMIT_PERCENT_DECIMALS: '百分比最多保留兩位小數。',
    LIMIT_PERCENT_RANGE: '折扣上限必須在 0 到 100% 之間。',
    STEP_PERCENT_RANGE: '審批上限必須大於 0%，且不能超過 100%。',
    LIMIT_ROLE_DUPLICATE: '同一角色只能設定一個折扣上限。',
    ROLE_NOT_FOUND: '角色不存在。',
    STEP_UNLIMITED_NOT_LAST: '只有最後一個啟用的審批步驟可以不設上限。',
    STEP_NOT_INCREASING: '審批上限必須逐級提高：每一步都要高於上一步。',
  },
  en: {
    LOGO_NOT_BASE64: 'The logo cannot be read; upload the image again.',
    LOGO_TOO_LARGE: 'The logo must be at most 300 KB.',
    LOGO_NOT_IMAGE: 'The logo must be a PNG or JPEG image.',
    LIMIT_PERCENT_DECIMALS: 'A percentage has at most two decimals.',
    LIMIT_PERCENT_RANGE: 'A discount limit is between 0 and 100%.',
    STEP_PERCENT_RANGE: 'A step’s limit is more than 0% and at most 100%.',
    LIMIT_ROLE_DUPLICATE: 'A role has one discount limit only.',
    ROLE_NOT_FOUND: 'The role does not exist.',
    STEP_UNLIMITED_NOT_LAST: 'Only the last active step may be without a limit.',
    STEP_NOT_INCREASING: 'Limits rise along the chain: each step’s is above the one before.',
  },
});
