// The history and plans of a generated customer: calls with direction, duration and outcome, visits with purpose and
// result (done ones checked in), meetings, tasks with due date and priority, notes — spread over the past year, busier
// for key accounts, quieter for dormant and lost ones, and a few planned in the coming weeks with reminders.
import type { Rng } from './demo.generator.random.ts';

export interface GeneratedActivity {
  kind: 'call' | 'visit' | 'meeting' | 'task' | 'note';
  subject: string;
  /** Index of the customer's contact it was with, if any. */
  contact?: number;
  values: Record<string, string | number>;
}

const CALL_SUBJECTS = [
  '电话确认采购需求',
  '回访使用情况',
  '沟通报价细节',
  '确认到货时间',
  '了解年度预算',
  '催收尾款',
  '邀请参加新品发布会',
  '确认合同条款',
];
const VISIT_SUBJECTS = [
  '上门拜访，介绍新产品',
  '拜访采购负责人',
  '年度客户回访',
  '现场了解使用问题',
  '陪同技术人员上门调试',
  '拜访新任负责人',
];
const VISIT_PURPOSES = ['了解需求，介绍方案', '处理售后问题', '洽谈续约', '介绍新品', '建立关系'];
const VISIT_RESULTS = [
  '客户有意向，约定下周提交方案。',
  '问题已现场解决，客户满意。',
  '负责人出差，改约下月。',
  '客户预算未定，保持跟进。',
  '已确认续约意向，待走审批。',
];
const MEETING_SUBJECTS = ['季度业务沟通会', '方案评审会', '年度合作洽谈', '项目启动会'];
const MEETING_PLACES = ['客户会议室', '我司会议室', '线上会议（腾讯会议）'];
const TASK_SUBJECTS = ['寄送产品资料', '准备报价单', '安排技术交流', '跟进合同盖章', '提交年度方案', '开具发票', '核对对账单'];
const NOTES = [
  '客户偏好微信沟通，工作日上午联系为宜。',
  '采购流程需经分管领导审批，周期约两周。',
  '对价格敏感，关注售后响应时间。',
  '负责人变更，新负责人下月到岗。',
  '年底集中采购，十一月前需提交方案。',
  '竞争对手近期报价更低，需强调服务优势。',
];
const ADDRESSES = ['客户办公楼一层前台', '客户会议室', '客户仓库现场', '客户行政楼三层'];

const DAY = 86_400_000;

/** An instant `days` from the anchor at a Beijing office hour, as ISO text. */
const at = (anchor: number, days: number, hour: number, minute = 0) => {
  const d = new Date(anchor + days * DAY);
  d.setUTCHours(hour - 8, minute, 0, 0);
  return d.toISOString();
};

export function pickActivities(rng: Rng, anchor: number, stage: string, contactCount: number): GeneratedActivity[] {
  const quiet = stage === 'dormant' || stage === 'lost';
  // Dormant and lost customers were last heard of months ago; the rest recently.
  const [count, newest] = quiet ? [rng.int(1, 3), 120] : stage === 'key' ? [rng.int(5, 10), 1] : [rng.int(2, 6), 1];
  const contact = () => (contactCount > 0 ? { contact: rng.int(0, contactCount - 1) } : {});
  const past = () => -rng.int(newest, 365);
  const hour = () => rng.int(9, 17);
  const out: GeneratedActivity[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted([
      ['call', 40],
      ['visit', 20],
      ['note', 15],
      ['task', 15],
      ['meeting', 10],
    ] as const);
    const day = past();
    if (kind === 'call') {
      const outcome = rng.weighted([
        ['connected', 70],
        ['noAnswer', 15],
        ['busy', 5],
        ['voicemail', 8],
        ['wrongNumber', 2],
      ] as const);
      const connected = outcome === 'connected';
      out.push({
        kind,
        subject: rng.pick(CALL_SUBJECTS),
        ...contact(),
        values: {
          occurredAt: at(anchor, day, hour(), rng.int(0, 59)),
          direction: rng.chance(0.3) ? 'inbound' : 'outbound',
          durationSeconds: connected ? rng.int(40, 1500) : outcome === 'voicemail' ? rng.int(15, 60) : 0,
          outcome,
        },
      });
    } else if (kind === 'visit') {
      const when = at(anchor, day, rng.int(9, 16));
      out.push({
        kind,
        subject: rng.pick(VISIT_SUBJECTS),
        ...contact(),
        values: {
          occurredAt: when,
          status: 'done',
          plannedAt: when,
          checkInAt: when,
          checkInAddress: rng.pick(ADDRESSES),
          purpose: rng.pick(VISIT_PURPOSES),
          result: rng.pick(VISIT_RESULTS),
        },
      });
    } else if (kind === 'meeting') {
      const start = rng.int(9, 16);
      out.push({
        kind,
        subject: rng.pick(MEETING_SUBJECTS),
        ...contact(),
        values: {
          occurredAt: at(anchor, day, start),
          startsAt: at(anchor, day, start),
          endsAt: at(anchor, day, start + 1, 30),
          location: rng.pick(MEETING_PLACES),
        },
      });
    } else if (kind === 'task') {
      // Past tasks are mostly done; a few were left open and show as overdue.
      out.push({
        kind,
        subject: rng.pick(TASK_SUBJECTS),
        values: {
          occurredAt: at(anchor, day - 3, hour()),
          dueAt: at(anchor, day, 17),
          priority: rng.weighted([
            ['high', 2],
            ['normal', 6],
            ['low', 2],
          ] as const),
          status: rng.chance(0.85) ? 'done' : rng.chance(0.7) ? 'open' : 'cancelled',
        },
      });
    } else {
      out.push({ kind, subject: '客户备注', values: { occurredAt: at(anchor, day, hour()), body: rng.pick(NOTES) } });
    }
  }
  // Customers being worked on have something coming: a task due or a visit planned in the next three weeks.
  if (!quiet && rng.chance(stage === 'key' ? 0.8 : 0.3)) {
    const ahead = rng.int(2, 21);
    if (rng.chance(0.6))
      out.push({
        kind: 'task',
        subject: rng.pick(TASK_SUBJECTS),
        values: {
          occurredAt: at(anchor, 0, 9),
          dueAt: at(anchor, ahead, 17),
          remindAt: at(anchor, ahead - 1, 9),
          priority: rng.chance(0.3) ? 'high' : 'normal',
          status: 'open',
        },
      });
    else {
      const when = at(anchor, ahead, rng.int(9, 16));
      out.push({
        kind: 'visit',
        subject: rng.pick(VISIT_SUBJECTS),
        ...contact(),
        values: {
          occurredAt: when,
          status: 'planned',
          plannedAt: when,
          remindAt: at(anchor, ahead - 1, 9),
          purpose: rng.pick(VISIT_PURPOSES),
        },
      });
    }
  }
  return out.sort((a, b) => String(a.values.occurredAt).localeCompare(String(b.values.occurredAt)));
}
