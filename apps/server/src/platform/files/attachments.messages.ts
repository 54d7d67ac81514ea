// Error messages of record attachments, by code, in 简体, 繁體 and English.
import { registerMessages } from '../i18n/i18n.ts';

registerMessages({
  'zh-CN': {
    ATTACHMENT_TOO_LARGE: '文件过大，附件不能超过 {mb} MB。',
    ATTACHMENT_EMPTY: '文件是空的。',
    ATTACHMENT_NAME_REQUIRED: '请提供文件名。',
  },
  'zh-TW': {
    ATTACHMENT_TOO_LARGE: '檔案過大，附件不能超過 {mb} MB。',
    ATTACHMENT_EMPTY: '檔案是空的。',
    ATTACHMENT_NAME_REQUIRED: '請提供檔案名稱。',
  },
  en: {
    ATTACHMENT_TOO_LARGE: 'The file is too large; an attachment may be at most {mb} MB.',
    ATTACHMENT_EMPTY: 'The file is empty.',
    ATTACHMENT_NAME_REQUIRED: 'The file needs a name.',
  },
});
