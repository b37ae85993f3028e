import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { type TApiTokenCreated, useCreateApiToken } from '../tokens.api.ts';

/**
 * Two steps in one dialog: name the token, then see it — once. The server keeps only a hash,
 * so closing the dialog is the last chance to copy it.
 */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const createToken = useCreateApiToken();
  const showError = useShowError();
  const [created, setCreated] = useState<TApiTokenCreated | null>(null);

  return (
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      okText={created ? t('common.close') : t('common.create')}
      cancelText={t('common.cancel')}
      cancelButtonProps={created ? { style: { display: 'none' } } : undefined}
      onOk={() => (created ? onClose() : form.submit())}
      onCancel={onClose}
      confirmLoading={createToken.isPending}
      afterClose={() => {
        setCreated(null);
        form.resetFields();
      }}
      forceRender
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.createdWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            data-testid="created-token"
            code
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{ wordBreak: 'break-all', fontSize: 15 }}
          >
            {created.token}
          </Typography.Paragraph>
        </>
      ) : (
        <Form<{ name: string }>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => createToken.mutate(values, { onSuccess: setCreated, onError: (e) => showError(e, form) })}
        >
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input placeholder={t('tokens.namePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
