// 批准 / 驳回 of a record's pending step: a dialog asking for the comment (required to reject), sending the decision
// and telling the outcome; every approval view is refreshed after it.
import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApprovalRecordTypeName } from '@guanxi/contracts';
import { showFormError } from '../../../platform/formErrors.ts';
import { decideApproval, refreshApprovals } from './approvals.api.ts';

export interface DecisionDialogProps {
  recordType: ApprovalRecordTypeName;
  recordId: string;
  decision: 'approve' | 'reject';
  /** What the title names: the record's number and title. */
  name: string;
  /** A line above the comment: who asked for what. */
  summary?: string;
  onClose: () => void;
  /** After the server accepted the decision. */
  onDone?: (outcome: 'pending' | 'approved' | 'rejected') => void;
}

export function DecisionDialog({ recordType, recordId, decision, name, summary, onClose, onDone }: DecisionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const [saving, setSaving] = useState(false);
  const reject = decision === 'reject';

  const submit = async ({ comment }: { comment?: string }) => {
    setSaving(true);
    try {
      const { outcome } = await decideApproval(recordType, recordId, { decision, comment: comment?.trim() || undefined });
      void message.success(t(`commerce.approvals.outcome.${outcome}`));
      void refreshApprovals(queryClient);
      onDone?.(outcome);
      onClose();
    } catch (error) {
      showFormError(form, message, t, error);
      // Decided by someone else meanwhile, or not ours any more: the views show how things stand now.
      void refreshApprovals(queryClient);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(reject ? 'commerce.approvals.dialog.rejectTitle' : 'commerce.approvals.dialog.approveTitle', { name })}
      okText={t(reject ? 'commerce.approvals.dialog.confirmReject' : 'commerce.approvals.dialog.confirmApprove')}
      cancelText={t('commerce.approvals.dialog.cancel')}
      okButtonProps={{ danger: reject, loading: saving, htmlType: 'submit', form: 'approval-decision' }}
      onCancel={onClose}
      destroyOnHidden
    >
      {summary && <Typography.Paragraph>{summary}</Typography.Paragraph>}
      <Form id="approval-decision" form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="comment"
          label={t('commerce.approvals.dialog.comment')}
          extra={t(reject ? 'commerce.approvals.dialog.commentRequired' : 'commerce.approvals.dialog.commentOptional')}
          rules={reject ? [{ required: true, whitespace: true, message: t('commerce.approvals.dialog.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
