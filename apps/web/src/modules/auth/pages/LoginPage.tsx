import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { errorText } from '../../../shared/errorText.ts';
import { useLogin, useSession } from '../auth.api.ts';
import { AuthCard } from '../components/AuthCard.tsx';

/** What another page may hand the sign-in page when it sends someone here. */
export interface LoginState {
  from?: string;
  passwordReset?: boolean;
}

interface LoginValues {
  email: string;
  password: string;
}

/** Sign-in failures get our own wording: the server's English detail is not for end users here. */
function loginErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error, 401)) return t('auth.login.invalid');
  if (isApiError(error, 429)) {
    const seconds = error.retryAfter;
    return seconds ? t('auth.login.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : t('auth.login.lockedNoTime');
  }
  return errorText(error, t);
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const login = useLogin();
  const [failure, setFailure] = useState<unknown>(null);

  // RequireSession sends people here with the page they wanted; go back there after signing in.
  // The password reset page sends people here once their new password is set.
  const state = location.state as LoginState | null;
  const from = state?.from ?? '/';
  if (session.data) return <Navigate to={from} replace />;

  const onFinish = (values: LoginValues) => {
    setFailure(null);
    login.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: setFailure,
    });
  };

  return (
    <AuthCard title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      {state?.passwordReset && failure === null && (
        <Alert data-testid="login-notice" type="success" showIcon title={t('auth.reset.done')} style={{ marginBottom: 16 }} />
      )}
      {failure !== null && (
        <Alert data-testid="login-error" type="error" showIcon title={loginErrorText(failure, t)} style={{ marginBottom: 16 }} />
      )}
      <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
        <Form.Item
          name="email"
          label={t('auth.login.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.login.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
        </Form.Item>
        <Form.Item style={{ textAlign: 'center' }}>
          <Link to="/reset-password">{t('auth.login.haveResetToken')}</Link>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
