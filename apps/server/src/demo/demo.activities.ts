// A few activities per hand-written demo customer — past calls and visits, a meeting, notes, and tasks and planned
// visits with reminders in the coming days — so every customer card has a timeline and the bell has reminders to come.
import type { GeneratedActivity } from './generator/demo.generator.activities.ts';

const CALLS = ['电话确认采购需求', '回访使用情况', '沟通报价细节', '确认到货时间', '了解年度预算'];
const OUTCOMES = ['connected', 'connected', 'noAnswer', 'connected', 'voicemail'];
const VISITS = ['上门拜访，介绍新产品', '拜访采购负责人', '年度客户回访', '现场了解使用问题'];
const TASKS = ['寄送产品资料', '准备报价单', '安排技术交流', '跟进合同盖章', '提交年度方案'];
const NOTES = [
  '客户偏好微信沟通，工作日上午联系为宜。',
  '采购流程需经分管领导审批，周期约两周。',
  '对价格敏感，关注售后响应时间。',
];
const ADDRESSES = ['客户办公楼一层前台', '客户会议室', '客户仓库现场'];

const DAY = 86_400_000;

/** The activities of hand-written customer number `i` (file order), with its first contact if it has one. */
export function handWrittenActivities(i: number, hasContact: boolean, now: number): GeneratedActivity[] {
  /** Beijing office hours relative to now, so the demo always has a recent past and a near future. */
  const daysFromNow = (days: number, hour = 10) => {
    const d = new Date(now + days * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0);
    return d.toISOString();
  };
  const withContact = hasContact ? { contact: 0 } : {};
  const out: GeneratedActivity[] = [
    {
      kind: 'call',
      subject: CALLS[i % CALLS.length]!,
      ...withContact,
      values: {
        occurredAt: daysFromNow(-(i % 20) - 1, 9 + (i % 8)),
        direction: i % 4 === 0 ? 'inbound' : 'outbound',
        durationSeconds: 60 + ((i * 97) % 900),
        outcome: OUTCOMES[i % OUTCOMES.length]!,
      },
    },
  ];
  if (i % 2 === 0)
    out.push({
      kind: 'visit',
      subject: VISITS[i % VISITS.length]!,
      ...withContact,
      values: {
        plannedAt: daysFromNow(-(i % 15) - 2, 14),
        checkInAt: daysFromNow(-(i % 15) - 2, 14),
        checkInAddress: ADDRESSES[i % ADDRESSES.length]!,
        purpose: '了解需求，介绍方案',
        result: '客户有意向，约定下周提交方案。',
      },
    });
  if (i % 3 === 0)
    out.push({
      kind: 'task',
      subject: TASKS[i % TASKS.length]!,
      ...withContact,
      values: {
        dueAt: daysFromNow(2 + (i % 10), 17),
        remindAt: daysFromNow(1 + (i % 10), 9),
        priority: i % 6 === 0 ? 'high' : 'normal',
      },
    });
  if (i % 4 === 1)
    out.push({
      kind: 'visit',
      subject: VISITS[(i + 1) % VISITS.length]!,
      ...withContact,
      values: { plannedAt: daysFromNow(3 + (i % 7), 15), remindAt: daysFromNow(2 + (i % 7), 9), purpose: '确认合作细节' },
    });
  if (i % 5 === 0)
    out.push({
      kind: 'meeting',
      subject: '季度业务沟通会',
      ...withContact,
      values: {
        startsAt: daysFromNow(-(i % 10) - 3, 10),
        endsAt: daysFromNow(-(i % 10) - 3, 11),
        location: '客户会议室',
      },
    });
  if (i % 3 === 1) out.push({ kind: 'note', subject: '客户偏好', ...withContact, values: { body: NOTES[i % NOTES.length]! } });
  return out;
}
