// The approval chain end to end: which steps a discount climbs, who approves each, decisions (never one's own, one
// of two at once), the record's outcome, notifications, the audit history and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalInbox, RecordApprovals } from '@guanxi/contracts';
import { buildApprovalsWorld, type ApprovalsWorld, type Person } from './approvals.testSetup.ts';
import { needsApproval, requestApproval } from './approvals.service.ts';

let w: ApprovalsWorld;
beforeAll(async () => {
  w = await buildApprovalsWorld();
});
afterAll(async () => {
  await w?.t.close();
});

/** The rep asks for approval of a new quote with `discountPercent`, as the quotes part does on submit. */
async function requested(discountPercent: string, by: Person = w.rep, title = '办公设备报价') {
  const id = await w.quote(by, title);
  await w.t.db.transaction((tx) =>
    requestApproval(tx, by.actor, {
      recordType: 'quote',
      recordId: id,
      orgUnitId: by.actor.orgUnitId,
      discountPercent,
      amount: '12345.67',
      title: `${title}（申请）`,
      link: `/quotes/${id}`,
    }),
  );
  return id;
}

const rounds = async (who: Person, id: string) =>
  (await who.client.get(`/api/v1/approvals/quote/${id}`)).json() as RecordApprovals;
const decide = (who: Person, id: string, decision: 'approve' | 'reject', comment?: string) =>
  who.client.post(`/api/v1/approvals/quote/${id}/decision`, { decision, ...(comment === undefined ? {} : { comment }) });
const inbox = async (who: Person) => (await who.client.get('/api/v1/approvals?status=pending')).json() as ApprovalInbox;

describe('discount limits', () => {
  it('lets each role give up to its largest limit; a role without a limit row gives nothing without approval', async () => {
    expect(await needsApproval(w.t.db, w.rep.actor, '5')).toBe(false);
    expect(await needsApproval(w.t.db, w.rep.actor, '5.01')).toBe(true);
    expect(await needsApproval(w.t.db, w.eastManager.actor, '15')).toBe(false);
    expect(await needsApproval(w.t.db, w.headOffice.actor, '30.5')).toBe(true);
    // The administrator's role has no limit row: even an administrator's discount climbs the chain.
    expect(await needsApproval(w.t.db, w.admin.actor, '0.01')).toBe(true);
    expect(await needsApproval(w.t.db, w.admin.actor, '0')).toBe(false);
  });
});

describe('the chain', () => {
  it('stops at the first step whose limit covers the discount, approvers found from the record’s unit upwards', async () => {
    const small = await requested('12');
    const got = await rounds(w.rep, small);
    expect(got.rounds).toHaveLength(1);
    expect(got.rounds[0]).toMatchObject({
      round: 1,
      status: 'pending',
      discountPercent: '12.00',
      amount: '12345.67',
      requestedByName: '王芳',
    });
    expect(got.rounds[0]!.steps.map((s) => [s.stepName, s.orgUnitName, s.status])).toEqual([
      ['分公司经理审批', '东区分公司', 'pending'],
    ]);
    expect(got.canDecide).toBe(false);

    const large = await requested('25');
    expect((await rounds(w.rep, large)).rounds[0]!.steps.map((s) => [s.stepName, s.roleName, s.orgUnitName, s.status])).toEqual([
      ['分公司经理审批', '分公司经理', '东区分公司', 'pending'],
      ['总部审批', '总部经理', w.root.name, 'waiting'],
    ]);
    expect((await rounds(w.eastManager, large)).canDecide).toBe(true);
  });

  it('passes over a step whose role the requester holds: a branch manager’s own discount goes to head office', async () => {
    const id = await requested('18', w.eastManager, '经理报价');
    const [round] = (await rounds(w.eastManager, id)).rounds;
    expect(round!.steps.map((s) => s.stepName)).toEqual(['总部审批']);
    // Even a colleague holding the same role is not asked: the step is head office's.
    expect((await decide(w.eastManager2, id, 'approve')).json().error.code).toBe('APPROVAL_NOT_YOURS');
    const own = await decide(w.eastManager, id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('APPROVAL_OWN_REQUEST');
    expect((await decide(w.headOffice, id, 'approve')).json()).toEqual({ outcome: 'approved' });
    expect(w.decided.filter((d) => d.recordId === id)).toEqual([
      { recordId: id, outcome: 'approved', by: w.headOffice.id, comment: undefined },
    ]);
  });

  it('refuses when nobody above the record holds a step’s role (409 naming the step) and writes nothing', async () => {
    const id = await w.quote(w.headOffice, '总部报价');
    const attempt = w.t.db.transaction((tx) =>
      requestApproval(tx, w.headOffice.actor, {
        recordType: 'quote',
        recordId: id,
        orgUnitId: w.root.id,
        discountPercent: '12',
        amount: '100.00',
        title: '总部报价',
        link: `/quotes/${id}`,
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'APPROVER_MISSING', status: 409, params: { step: '分公司经理审批' } });
    expect((await rounds(w.headOffice, id)).rounds).toEqual([]);
  });
});

describe('deciding', () => {
  it('takes the approvers in order; the last approval ends the round and tells the record and the requester', async () => {
    const id = await requested('25', w.rep, '物流服务报价');
    await w.runJobs();
    const pending = (await w.notified(w.eastManager.id)).filter((n) => n.link === `/quotes/${id}`);
    expect(pending).toEqual([
      {
        kind: 'commerce.approval.pending',
        title: '待审批：物流服务报价（申请）',
        body: '王芳 申请折扣 25%，金额 ¥12,345.67（分公司经理审批）',
        link: `/quotes/${id}`,
      },
    ]);
    expect((await w.notified(w.eastManager2.id)).filter((n) => n.link === `/quotes/${id}`)).toHaveLength(1);
    expect((await w.notified(w.westManager.id)).filter((n) => n.link === `/quotes/${id}`)).toEqual([]);
    expect((await w.notified(w.headOffice.id)).filter((n) => n.link === `/quotes/${id}`)).toEqual([]);

    expect((await inbox(w.headOffice)).items.map((i) => i.recordId)).not.toContain(id);
    expect((await decide(w.eastManager, id, 'approve', '同意，请尽快发出。')).json()).toEqual({ outcome: 'pending' });
    expect(w.decided.filter((d) => d.recordId === id)).toEqual([]);
    await w.runJobs();
    const headOfficeTold = (await w.notified(w.headOffice.id)).filter((n) => n.link === `/quotes/${id}`);
    expect(headOfficeTold.map((n) => n.title)).toEqual([expect.stringMatching(/^待审批：Q2026-\d{6} · 物流服务报价$/)]);
    const item = (await inbox(w.headOffice)).items.find((i) => i.recordId === id)!;
    expect(item).toMatchObject({
      stepName: '总部审批',
      title: '物流服务报价',
      discountPercent: '25.00',
      requestedByName: '王芳',
      link: `/quotes/${id}`,
    });

    expect((await decide(w.headOffice, id, 'approve')).json()).toEqual({ outcome: 'approved' });
    expect(w.decided.filter((d) => d.recordId === id)).toEqual([
      { recordId: id, outcome: 'approved', by: w.headOffice.id, comment: undefined },
    ]);
    const [round] = (await rounds(w.rep, id)).rounds;
    expect(round!.status).toBe('approved');
    expect(round!.steps.map((s) => [s.status, s.decidedByName, s.comment])).toEqual([
      ['approved', '李娜', '同意，请尽快发出。'],
      ['approved', '张伟', null],
    ]);
    await w.runJobs();
    expect((await w.notified(w.rep.id)).filter((n) => n.link === `/quotes/${id}`).map((n) => n.title)).toEqual([
      expect.stringMatching(/^审批已通过：Q2026-\d{6} · 物流服务报价$/),
    ]);
    expect((await decide(w.headOffice, id, 'approve')).json().error.code).toBe('APPROVAL_NOT_PENDING');

    const history = (await w.rep.client.get(`/api/v1/quotes/${id}/history`)).json().items as {
      action: string;
      userName: string;
    }[];
    expect(history.map((h) => [h.action, h.userName])).toEqual(
      expect.arrayContaining([
        ['approval.request', '王芳'],
        ['approval.approve', '李娜'],
        ['approval.approve', '张伟'],
      ]),
    );
  });

  it('needs a comment to reject; a rejection cancels the steps still waiting and is told to the requester', async () => {
    const id = await requested('25', w.rep, '配件报价');
    const bare = await decide(w.eastManager, id, 'reject', '  ');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([expect.objectContaining({ field: 'comment', code: 'APPROVAL_COMMENT_REQUIRED' })]);
    expect((await decide(w.eastManager, id, 'reject', '折扣过大，请控制在 15% 以内。')).json()).toEqual({ outcome: 'rejected' });
    const [round] = (await rounds(w.rep, id)).rounds;
    expect(round!.status).toBe('rejected');
    expect(round!.steps.map((s) => s.status)).toEqual(['rejected', 'cancelled']);
    expect(w.decided.filter((d) => d.recordId === id)).toEqual([
      { recordId: id, outcome: 'rejected', by: w.eastManager.id, comment: '折扣过大，请控制在 15% 以内。' },
    ]);
    await w.runJobs();
    const told = (await w.notified(w.rep.id)).filter((n) => n.link === `/quotes/${id}`);
    expect(told).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^审批被驳回：Q2026-\d{6} · 配件报价$/),
        body: '李娜（分公司经理审批）：折扣过大，请控制在 15% 以内。',
      }),
    ]);
    // Nobody is asked about the cancelled head-office step.
    expect((await w.notified(w.headOffice.id)).filter((n) => n.link === `/quotes/${id}`)).toEqual([]);

    // A new request (a new revision) is round 2; round 1 stays as history.
    await w.t.db.transaction((tx) =>
      requestApproval(tx, w.rep.actor, {
        recordType: 'quote',
        recordId: id,
        orgUnitId: w.east1.id,
        discountPercent: '14',
        amount: '9000',
        title: '配件报价',
        link: `/quotes/${id}`,
      }),
    );
    expect((await rounds(w.rep, id)).rounds.map((r) => [r.round, r.status, r.steps.length])).toEqual([
      [2, 'pending', 1],
      [1, 'rejected', 2],
    ]);
  });

  it('lets one of two approvers deciding at once win; the other gets 409', async () => {
    const id = await requested('10', w.rep, '并发报价');
    const answers = await Promise.all([decide(w.eastManager, id, 'approve'), decide(w.eastManager2, id, 'approve')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('APPROVAL_NOT_PENDING');
    expect(w.decided.filter((d) => d.recordId === id)).toHaveLength(1);
    const [step] = (await rounds(w.rep, id)).rounds[0]!.steps;
    expect(step!.status).toBe('approved');
  });

  it('refuses the wrong person: 403 to a reader who is not the approver, 404 to whoever cannot read the record', async () => {
    const id = await requested('12', w.rep, '权限报价');
    const reader = await decide(w.headOffice, id, 'approve');
    expect(reader.statusCode).toBe(403);
    expect(reader.json().error.code).toBe('APPROVAL_NOT_YOURS');
    expect((await decide(w.westManager, id, 'approve')).statusCode).toBe(404);
    expect((await decide(w.westRep, id, 'approve')).statusCode).toBe(404);
    const own = await decide(w.rep, id, 'approve');
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'APPROVAL_OWN_REQUEST']);
    expect((await rounds(w.rep, id)).rounds[0]!.steps[0]!.status).toBe('pending');
  });
});

describe('access to the routes', () => {
  it('shows a record’s rounds only to those who may read it, and each caller only their own inbox', async () => {
    const id = await requested('12', w.rep, '可见性报价');
    expect((await w.rep.client.get(`/api/v1/approvals/quote/${id}`)).statusCode).toBe(200);
    expect((await w.westRep.client.get(`/api/v1/approvals/quote/${id}`)).statusCode).toBe(404);
    expect((await w.westManager.client.get(`/api/v1/approvals/quote/${id}`)).statusCode).toBe(404);
    expect((await w.t.anonymous.get(`/api/v1/approvals/quote/${id}`)).statusCode).toBe(401);

    const east = await inbox(w.eastManager);
    expect(east.items.map((i) => i.recordId)).toContain(id);
    expect(east.items.find((i) => i.recordId === id)).toMatchObject({
      title: '可见性报价',
      requestedByName: '王芳',
      status: 'pending',
    });
    expect((await inbox(w.westManager)).items.map((i) => i.recordId)).not.toContain(id);
    expect((await inbox(w.rep)).items).toEqual([]);
    const count = (await w.eastManager.client.get('/api/v1/approvals/count')).json().pending as number;
    expect(count).toBe(east.total);

    await decide(w.eastManager2, id, 'approve');
    expect((await inbox(w.eastManager)).items.map((i) => i.recordId)).not.toContain(id);
    const done = (await w.eastManager2.client.get('/api/v1/approvals?status=decided')).json() as ApprovalInbox;
    expect(done.items.find((i) => i.recordId === id)).toMatchObject({ status: 'approved' });
  });
});
