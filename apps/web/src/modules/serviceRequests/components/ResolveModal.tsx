import type { TServiceRequest } from '@tierline/contracts';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceErrorText } from '../serviceErrors.ts';
import { useServiceAction } from '../serviceRequests.api.ts';

/** 解决: the resolution is required, so a resolved request always says how. */
export function ResolveModal({ request, onClose }: { request: TServiceRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolution: string }>();
  const act = useServiceAction();

  useEffect(() => {
    if (request) form.resetFields();
  }, [request, form]);

  const onFinish = ({ resolution }: { resolution: string }) => {
    if (!request) return;
    act.mutate(
      { id: request.id, action: 'resolve', resolution: resolution.trim() },
      {
        onSuccess: () => {
          void message.success(t('service.resolvedDone'));
          onClose();
        },
        onError: (error) => {
          void message.error(serviceErrorText(error, t));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={request !== null}
      title={t('service.resolveTitle')}
      okText={t('service.actions.resolve')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={act.isPending}
      forceRender
    >
      {request?.firstAnsweredAt === null && <Typography.Paragraph type="secondary">{t('service.resolveHint')}</Typography.Paragraph>}
      <Form name="resolve" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="resolution"
          label={t('service.fields.resolution')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={10_000} placeholder={t('service.resolutionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
