// The activity record type — calls, visits, meetings, tasks and notes about a customer — declared to the entity kit,
// which gives it every list, form, access, audit, search and export path.
import { defineEntity, type EntityDescriptor, type FieldSpec } from '../../platform/entities/descriptor.ts';
import { L } from '../../platform/entities/fields.ts';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  FIELDS_OF_KIND,
  PRIORITIES,
} from './activities.options.ts';
import { activityHooks } from './activities.service.ts';
import { activities as a } from './activities.schema.ts';

const text = (column: FieldSpec['column'], label: FieldSpec['label'], section: string, maxLength = 200): FieldSpec => ({
  type: 'text',
  column,
  label,
  section,
  maxLength,
});
const datetime = (column: FieldSpec['column'], label: FieldSpec['label'], section: string): FieldSpec => ({
  type: 'datetime',
  column,
  label,
  section,
});
const select = (column: FieldSpec['column'], label: FieldSpec['label'], options: FieldSpec['options'], section: string) =>
  ({ type: 'select', column, label, options, section }) satisfies FieldSpec;
const coordinate = (column: FieldSpec['column'], label: FieldSpec['label'], limit: number): FieldSpec => ({
  type: 'decimal',
  column,
  label,
  section: 'visit',
  scale: 6,
  min: -limit,
  max: limit,
});

/** The kinds each kind-specific field belongs to, so forms show a call's duration only on calls (FIELDS_OF_KIND). */
function withKinds(fields: Record<string, FieldSpec>): Record<string, FieldSpec> {
  for (const [name, spec] of Object.entries(fields)) {
    const kinds = Object.entries(FIELDS_OF_KIND)
      .filter(([, own]) => own.includes(name))
      .map(([kind]) => kind);
    if (kinds.length) spec.when = { field: 'kind', values: kinds };
  }
  return fields;
}

export const activityEntity = defineEntity({
  name: 'activity',
  plural: 'activities',
  label: L('活动', '活動', 'Activity'),
  subsystem: 'activities',
  table: a,
  titleField: 'subject',
  defaultSort: ['-occurredAt'],
  sections: {
    basics: L('基本信息', '基本資訊', 'Basics'),
    links: L('关联对象', '關聯對象', 'Linked records'),
    call: L('通话', '通話', 'Call'),
    visit: L('拜访', '拜訪', 'Visit'),
    meeting: L('会议', '會議', 'Meeting'),
    task: L('任务', '任務', 'Task'),
    note: L('备注内容', '備註內容', 'Note'),
  },
  fields: withKinds({
    kind: { ...select(a.kind, L('活动类型', '活動類型', 'Kind'), ACTIVITY_KINDS, 'basics'), required: true },
    subject: { ...text(a.subject, L('主题', '主旨', 'Subject'), 'basics'), required: true, searchable: true },
    occurredAt: datetime(a.occurredAt, L('发生时间', '發生時間', 'When'), 'basics'),
    status: select(a.status, L('状态', '狀態', 'Status'), ACTIVITY_STATUSES, 'basics'),
    customerId: {
      type: 'reference',
      section: 'links',
      column: a.customerId,
      label: L('客户', '客戶', 'Customer'),
      reference: 'customer',
      required: true,
    },
    contactId: {
      type: 'reference',
      section: 'links',
      column: a.contactId,
      label: L('联系人', '聯絡人', 'Contact'),
      reference: 'contact',
    },
    relatedType: text(a.relatedType, L('关联记录类型', '關聯記錄類型', 'Related record type'), 'links', 64),
    relatedId: { type: 'reference', section: 'links', column: a.relatedId, label: L('关联记录', '關聯記錄', 'Related record') },
    direction: select(a.direction, L('呼叫方向', '通話方向', 'Direction'), CALL_DIRECTIONS, 'call'),
    durationSeconds: {
      type: 'integer',
      section: 'call',
      column: a.durationSeconds,
      label: L('通话时长（秒）', '通話時長（秒）', 'Duration (seconds)'),
      min: 0,
      max: 86_400,
    },
    outcome: select(a.outcome, L('通话结果', '通話結果', 'Outcome'), CALL_OUTCOMES, 'call'),
    plannedAt: datetime(a.plannedAt, L('计划拜访时间', '計劃拜訪時間', 'Planned for'), 'visit'),
    checkInAt: datetime(a.checkInAt, L('签到时间', '簽到時間', 'Checked in at'), 'visit'),
    checkInLatitude: coordinate(a.checkInLatitude, L('签到纬度', '簽到緯度', 'Check-in latitude'), 90),
    checkInLongitude: coordinate(a.checkInLongitude, L('签到经度', '簽到經度', 'Check-in longitude'), 180),
    checkInAddress: text(a.checkInAddress, L('签到地点', '簽到地點', 'Check-in address'), 'visit', 300),
    purpose: text(a.purpose, L('拜访目的', '拜訪目的', 'Purpose'), 'visit', 500),
    result: { type: 'longText', section: 'visit', column: a.result, label: L('拜访结果', '拜訪結果', 'Result') },
    startsAt: datetime(a.startsAt, L('开始时间', '開始時間', 'Starts'), 'meeting'),
    endsAt: datetime(a.endsAt, L('结束时间', '結束時間', 'Ends'), 'meeting'),
    location: text(a.location, L('会议地点', '會議地點', 'Location'), 'meeting', 300),
    assigneeId: {
      type: 'reference',
      section: 'task',
      column: a.assigneeId,
      label: L('执行人', '執行人', 'Assignee'),
      reference: 'user',
    },
    dueAt: datetime(a.dueAt, L('截止时间', '截止時間', 'Due'), 'task'),
    priority: select(a.priority, L('优先级', '優先級', 'Priority'), PRIORITIES, 'task'),
    remindAt: datetime(a.remindAt, L('提醒时间', '提醒時間', 'Remind at'), 'basics'),
    body: { type: 'longText', section: 'note', column: a.body, label: L('内容', '內容', 'Text') },
  }),
  hooks: activityHooks,
});

export const activityEntities: EntityDescriptor[] = [activityEntity];
