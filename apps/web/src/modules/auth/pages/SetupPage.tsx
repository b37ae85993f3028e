import type { TSetupBody } from '@tierline/contracts';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useShowError } from '../../../shared/errors.ts';
import { useSetup, useSetupStatus } from '../auth.api.ts';
import { AuthCard } from '../components/AuthCard.tsx';

/** First run: creates the organisation and its first admin, then signs that admin in. */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const showError = useShowError();
  const [form] = Form.useForm<TSetupBody>();

  if (status.data && !status.data.setupRequired) return <Navigate to="/" replace />;

  const onFinish = (values: TSetupBody) => {
    setup.mutate(values, {
      onSuccess: () => {
        void message.success(t('auth.setup.done'));
        navigate('/', { replace: true });
      },
      onError: (error) => showError(error, form),
    });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <AuthCard title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')}>
      <Form<TSetupBody> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={setup.isPending}>
        <Form.Item name="orgName" label={t('auth.setup.orgName')} rules={[required]}>
          <Input autoComplete="organization" autoFocus />
        </Form.Item>
        <Form.Item name="name" label={t('auth.setup.name')} rules={[required]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('auth.setup.email')} rules={[required, { type: 'email', message: t('validation.email') }]}>
          <Input autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.setup.password')}
          extra={t('auth.setup.passwordHint')}
          rules={[required, { min: 10, message: t('validation.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={setup.isPending}>
            {t('auth.setup.submit')}
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
