import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface LossReasonModalProps {
  open: boolean;
  dealName: string;
  loading: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** Moving a deal to Lost: why was it lost? The answer feeds win/loss analysis. */
export function LossReasonModal({ open, dealName, loading, onSubmit, onCancel }: LossReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={t('deals.loss.title', { name: dealName })}
      okText={t('deals.loss.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={loading}
      forceRender
    >
      <Form name="lossReason" form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())} requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('deals.loss.reason')}
          rules={[{ required: true, whitespace: true, message: t('deals.loss.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('deals.loss.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
