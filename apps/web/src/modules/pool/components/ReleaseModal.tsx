import type { TCustomer } from '@tierline/contracts';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useReleaseCustomer } from '../pool.api.ts';

interface ReleaseModalProps {
  customer: TCustomer | null;
  onClose: () => void;
}

/** Returns a customer to the pool; the reason is required, the next rep to claim it reads it. */
export function ReleaseModal({ customer, onClose }: ReleaseModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const release = useReleaseCustomer();
  const showError = useShowError();

  useEffect(() => {
    if (customer) form.resetFields();
  }, [customer, form]);

  const onFinish = ({ reason }: { reason: string }) => {
    if (!customer) return;
    release.mutate(
      { customerId: customer.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('pool.released', { name: customer.name }));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={customer !== null}
      title={t('pool.releaseTitle')}
      okText={t('pool.release')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={release.isPending}
      forceRender
    >
      <Typography.Paragraph>{t('pool.releaseIntro', { name: customer?.name ?? '' })}</Typography.Paragraph>
      <Form name="release" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="reason" label={t('pool.reason')} rules={[{ required: true, whitespace: true, message: t('pool.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('pool.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
