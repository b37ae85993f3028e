import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useShowError } from '../../../shared/errors.ts';
import { useResetPassword } from '../auth.api.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import type { LoginState } from './LoginPage.tsx';

interface ResetValues {
  token: string;
  newPassword: string;
}

/** Sets a new password with the one-time token an admin created (Users → Reset password). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reset = useResetPassword();
  const showError = useShowError();
  const [form] = Form.useForm<ResetValues>();

  const onFinish = (values: ResetValues) => {
    reset.mutate(values, {
      // Said on the sign-in page itself, where it stays until the person signs in (a toast would be gone by then).
      onSuccess: () => navigate('/login', { replace: true, state: { passwordReset: true } satisfies LoginState }),
      onError: (error) => showError(error, form),
    });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <AuthCard title={t('auth.reset.title')} subtitle={t('auth.reset.subtitle')}>
      <Form<ResetValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        disabled={reset.isPending}
        initialValues={{ token: params.get('token') ?? '' }}
      >
        <Form.Item name="token" label={t('auth.reset.token')} rules={[required]}>
          <Input autoComplete="one-time-code" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.reset.newPassword')}
          rules={[required, { min: 10, message: t('validation.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={reset.isPending}>
            {t('auth.reset.submit')}
          </Button>
        </Form.Item>
        <Form.Item style={{ textAlign: 'center' }}>
          <Link to="/login">{t('auth.reset.backToLogin')}</Link>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
