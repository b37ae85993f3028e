import type { TApproval } from '@tierline/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useContractError } from '../../contracts/contractErrors.ts';
import { useDecideApproval } from '../approvals.api.ts';

export interface PendingDecision {
  approval: TApproval;
  decision: 'approve' | 'reject';
  /** How the subject reads in the list ("合同 HT…", "商机：…"), for the title. */
  subject: string;
}

/** Approve with an optional comment, or reject with the reason the requester needs to act on. */
export function DecisionModal({ pending, onClose }: { pending: PendingDecision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const decide = useDecideApproval();
  const showError = useContractError();
  const rejecting = pending?.decision === 'reject';

  useEffect(() => {
    if (pending) form.resetFields();
  }, [pending, form]);

  const onFinish = ({ comment }: { comment?: string }) => {
    if (!pending) return;
    decide.mutate(
      { approval: pending.approval, decision: pending.decision, comment: comment?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(rejecting ? t('approvals.rejected') : t('approvals.approved'));
          onClose();
        },
        onError: (error) => {
          showError(error);
          // Someone decided first: the refreshed list shows how; nothing left to do here.
          if (isApiError(error, 409)) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={pending !== null}
      title={pending && t(rejecting ? 'approvals.rejectTitle' : 'approvals.approveTitle', { subject: pending.subject })}
      okText={rejecting ? t('approvals.reject') : t('approvals.approve')}
      okButtonProps={{ danger: rejecting }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      forceRender
    >
      <Form name="decision" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="comment"
          label={rejecting ? t('approvals.commentReason') : t('approvals.commentOptional')}
          rules={rejecting ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={rejecting ? t('approvals.commentRequired') : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
