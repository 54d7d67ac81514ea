// Error messages and notification texts of the approval chain, by code, in 简体, 繁體 and English.
import { registerMessages } from '../../../platform/i18n/i18n.ts';

registerMessages({
  'zh-CN': {
    APPROVAL_CHAIN_EMPTY: '折扣超出您的权限，但系统还没有设置适用于此类单据的审批流程，请联系系统管理员。',
    APPROVAL_BEYOND_CHAIN: '折扣 {percent}% 超出审批流程的最高审批权限（{max}%），无人可以批准。',
    APPROVER_MISSING: '审批步骤「{step}」找不到审批人：本部门及上级部门都没有在职的该角色人员，请联系系统管理员。',
    APPROVAL_NOT_PENDING: '没有待审批的步骤：可能已被他人处理。',
    APPROVAL_NOT_YOURS: '您不是此审批步骤的审批人。',
    APPROVAL_OWN_REQUEST: '不能审批自己提交的申请。',
    APPROVAL_COMMENT_REQUIRED: '驳回时必须填写意见。',
    APPROVAL_PENDING_TITLE: '待审批：{title}',
    APPROVAL_PENDING_BODY: '{requester} 申请折扣 {percent}%，金额 ¥{amount}（{step}）',
    APPROVAL_APPROVED_TITLE: '审批已通过：{title}',
    APPROVAL_REJECTED_TITLE: '审批被驳回：{title}',
    APPROVAL_DECIDED_BODY: '{decider}（{step}）：{comment}',
  },
  'zh-TW': {
    APPROVAL_CHAIN_EMPTY: '折扣超出您的權限，但系統還沒有設定適用於此類單據的審批流程，請聯絡系統管理員。',
    APPROVAL_BEYOND_CHAIN: '折扣 {percent}% 超出審批流程的最高審批權限（{max}%），無人可以批准。',
    APPROVER_MISSING: '審批步驟「{step}」找不到審批人：本部門及上級部門都沒有在職的該角色人員，請聯絡系統管理員。',
    APPROVAL_NOT_PENDING: '沒有待審批的步驟：可能已被他人處理。',
    APPROVAL_NOT_YOURS: '您不是此審批步驟的審批人。',
    APPROVAL_OWN_REQUEST: '不能審批自己提交的申請。',
    APPROVAL_COMMENT_REQUIRED: '駁回時必須填寫意見。',
    APPROVAL_PENDING_TITLE: '待審批：{title}',
    APPROVAL_PENDING_BODY: '{requester} 申請折扣 {percent}%，金額 ¥{amount}（{step}）',
    APPROVAL_APPROVED_TITLE: '審批已通過：{title}',
    APPROVAL_REJECTED_TITLE: '審批被駁回：{title}',
    APPROVAL_DECIDED_BODY: '{decider}（{step}）：{comment}',
  },
  en: {
    APPROVAL_CHAIN_EMPTY:
      'The discount is beyond your limit, but no approval chain is set up for this kind of record; ask an administrator.',
    APPROVAL_BEYOND_CHAIN:
      'A discount of {percent}% is beyond the highest step of the approval chain ({max}%); nobody may approve it.',
    APPROVER_MISSING:
      'Nobody can approve the step “{step}”: no active holder of its role in this org unit or above; ask an administrator.',
    APPROVAL_NOT_PENDING: 'No step is waiting for a decision: someone may have decided it already.',
    APPROVAL_NOT_YOURS: 'You are not an approver of this step.',
    APPROVAL_OWN_REQUEST: 'You cannot approve your own request.',
    APPROVAL_COMMENT_REQUIRED: 'Say why when you reject.',
    APPROVAL_PENDING_TITLE: 'To approve: {title}',
    APPROVAL_PENDING_BODY: '{requester} asks for a {percent}% discount, amount ¥{amount} ({step})',
    APPROVAL_APPROVED_TITLE: 'Approved: {title}',
    APPROVAL_REJECTED_TITLE: 'Rejected: {title}',
    APPROVAL_DECIDED_BODY: '{decider} ({step}): {comment}',
  },
});
