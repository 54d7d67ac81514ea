// Choice lists of orders: statuses, stage milestones and expense kinds, with their labels in the three languages.
import { L } from '../../../platform/entities/fields.ts';

export const ORDER_STATUSES = [
  { value: 'draft', label: L('草稿', '草稿', 'Draft') },
  { value: 'pendingApproval', label: L('待审批', '待審批', 'Pending approval') },
  { value: 'approved', label: L('已审批', '已審批', 'Approved') },
  { value: 'inProgress', label: L('执行中', '執行中', 'In progress') },
  { value: 'completed', label: L('已完成', '已完成', 'Completed') },
  { value: 'cancelled', label: L('已取消', '已取消', 'Cancelled') },
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number]['value'];

export const STAGE_MILESTONES = ['purchasing', 'delivered', 'paid'] as const;
export type StageMilestone = (typeof STAGE_MILESTONES)[number];

export const EXPENSE_KINDS = ['freight', 'customs', 'commission', 'other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

/** The organisation's time zone: an order's dates (order date, expected dates) are days there. */
export const orderTimeZone = (): string => process.env.GUANXI_TIME_ZONE || 'Asia/Shanghai';
