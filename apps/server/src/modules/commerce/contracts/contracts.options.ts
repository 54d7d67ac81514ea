// The contract's statuses: 草稿 until signed and in force (生效), then 已到期 (the daily job, past the end date),
// 已终止 (ended early) or 已续签 (a renewal took over; only the renew action sets it).
import { L } from '../../../platform/entities/fields.ts';

const o = (value: string, zhCN: string, zhTW: string, en: string) => ({ value, label: L(zhCN, zhTW, en) });

export const CONTRACT_STATUSES = [
  o('draft', '草稿', '草稿', 'Draft'),
  o('active', '生效', '生效', 'Active'),
  o('expired', '已到期', '已到期', 'Expired'),
  o('terminated', '已终止', '已終止', 'Terminated'),
  o('renewed', '已续签', '已續簽', 'Renewed'),
] as const;

export type ContractStatus = (typeof CONTRACT_STATUSES)[number]['value'];

/** Statuses a contract may be renewed from. */
export const RENEWABLE: readonly string[] = ['active', 'expired'];
