// The kinds of activity, the fields each kind uses, and the choice lists of those fields in 简体, 繁體 and English.
import { option as o } from '../../platform/entities/fields.ts';

export const ACTIVITY_KINDS = [
  o('call', '电话', '電話', 'Call'),
  o('visit', '拜访', '拜訪', 'Visit'),
  o('meeting', '会议', '會議', 'Meeting'),
  o('task', '任务', '任務', 'Task'),
  o('note', '备注', '備註', 'Note'),
] as const;
export type ActivityKind = 'call' | 'visit' | 'meeting' | 'task' | 'note';

export const CALL_DIRECTIONS = [o('outbound', '呼出', '撥出', 'Outbound'), o('inbound', '呼入', '來電', 'Inbound')] as const;

export const CALL_OUTCOMES = [
  o('connected', '已接通', '已接通', 'Connected'),
  o('noAnswer', '无人接听', '無人接聽', 'No answer'),
  o('busy', '占线', '佔線', 'Busy'),
  o('voicemail', '已留言', '已留言', 'Left a message'),
  o('wrongNumber', '号码有误', '號碼有誤', 'Wrong number'),
] as const;

/** Visits use planned/done, tasks open/done/cancelled (STATUSES_OF_KIND). */
export const ACTIVITY_STATUSES = [
  o('planned', '计划中', '計劃中', 'Planned'),
  o('open', '待办', '待辦', 'Open'),
  o('done', '已完成', '已完成', 'Done'),
  o('cancelled', '已取消', '已取消', 'Cancelled'),
] as const;

export const PRIORITIES = [
  o('high', '高', '高', 'High'),
  o('normal', '普通', '普通', 'Normal'),
  o('low', '低', '低', 'Low'),
] as const;

/** Fields every kind has; the kit's system fields (owner, org unit, …) come on top. */
export const COMMON_FIELDS = ['kind', 'subject', 'occurredAt', 'customerId', 'contactId', 'relatedType', 'relatedId'] as const;

/** The fields of each kind beyond the common ones; any other field set on an activity of that kind is refused. */
export const FIELDS_OF_KIND: Record<ActivityKind, readonly string[]> = {
  call: ['direction', 'durationSeconds', 'outcome'],
  visit: [
    'status',
    'plannedAt',
    'checkInAt',
    'checkInLatitude',
    'checkInLongitude',
    'checkInAddress',
    'purpose',
    'result',
    'remindAt',
  ],
  meeting: ['startsAt', 'endsAt', 'location'],
  task: ['assigneeId', 'dueAt', 'priority', 'status', 'remindAt'],
  note: ['body'],
};

export const STATUSES_OF_KIND: Partial<Record<ActivityKind, readonly string[]>> = {
  visit: ['planned', 'done'],
  task: ['open', 'done', 'cancelled'],
};

/** The status in which an activity's reminder is still wanted. */
export const REMINDED_STATUS: Partial<Record<ActivityKind, string>> = { visit: 'planned', task: 'open' };
