// Words of the attachments panel in 简体, 繁體 and English. Kept beside the panel (a new generic piece) until they move
// into records.messages.*; `useAttachmentText` picks the interface language.
import { useTranslation } from 'react-i18next';

const zhCN = {
  title: '附件',
  titleCount: (n: number) => `附件（${n}）`,
  upload: '上传附件',
  uploading: (name: string) => `正在上传「${name}」`,
  uploaded: (name: string) => `已上传「${name}」`,
  failed: (message: string) => `上传失败：${message}`,
  empty: '暂无附件',
  readOnly: '只能查看和下载附件：修改此记录的人才能上传或删除。',
  download: (name: string) => `下载「${name}」`,
  remove: '删除',
  removeLabel: (name: string) => `删除附件「${name}」`,
  removeTitle: (name: string) => `删除附件「${name}」？`,
  removeHint: '删除后不再列出，操作会记入历史。',
  removed: '附件已删除',
  cancel: '取消',
  listLabel: '附件列表',
};

export type AttachmentText = typeof zhCN;

const zhTW: AttachmentText = {
  title: '附件',
  titleCount: (n) => `附件（${n}）`,
  upload: '上傳附件',
  uploading: (name) => `正在上傳「${name}」`,
  uploaded: (name) => `已上傳「${name}」`,
  failed: (message) => `上傳失敗：${message}`,
  empty: '暫無附件',
  readOnly: '只能檢視和下載附件：能修改此記錄的人才能上傳或刪除。',
  download: (name) => `下載「${name}」`,
  remove: '刪除',
  removeLabel: (name) => `刪除附件「${name}」`,
  removeTitle: (name) => `刪除附件「${name}」？`,
  removeHint: '刪除後不再列出，操作會記入歷史。',
  removed: '附件已刪除',
  cancel: '取消',
  listLabel: '附件清單',
};

const en: AttachmentText = {
  title: 'Attachments',
  titleCount: (n) => `Attachments (${n})`,
  upload: 'Upload file',
  uploading: (name) => `Uploading “${name}”`,
  uploaded: (name) => `Uploaded “${name}”`,
  failed: (message) => `Upload failed: ${message}`,
  empty: 'No attachments',
  readOnly: 'You can view and download the files; those who may edit this record upload and remove them.',
  download: (name) => `Download “${name}”`,
  remove: 'Remove',
  removeLabel: (name) => `Remove attachment “${name}”`,
  removeTitle: (name) => `Remove “${name}”?`,
  removeHint: 'It leaves the list; the history keeps the removal.',
  removed: 'Attachment removed',
  cancel: 'Cancel',
  listLabel: 'Attachments',
};

export const ATTACHMENT_TEXT: Record<string, AttachmentText> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function useAttachmentText(): AttachmentText {
  const { i18n } = useTranslation();
  return ATTACHMENT_TEXT[i18n.language] ?? zhCN;
}
