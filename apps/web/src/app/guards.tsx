import type { TRole } from '@tierline/contracts';
import { Flex, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser, useSession, useSetupStatus } from '../modules/auth/auth.api.ts';

// The status pages draw antd's Result with its illustrations: loaded when one is shown, not with the sign-in page.
const LoadError = lazy(() => import('../shared/StatusPages.tsx').then((m) => ({ default: m.LoadError })));
const ForbiddenPage = lazy(() => import('../shared/StatusPages.tsx').then((m) => ({ default: m.ForbiddenPage })));

function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}

/**
 * Before anything else: a fresh install without an organisation sends every route to /setup.
 * If the server cannot say (down, offline), carry on: the pages show their own errors.
 */
export function SetupGate() {
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.isPending) return <FullPageSpin />;
  if (status.data?.setupRequired && pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

/** Signed-in routes: without a session, go to sign-in and come back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError)
    return (
      <Suspense fallback={<FullPageSpin />}>
        <LoadError error={session.error} onRetry={session.refetch} />
      </Suspense>
    );
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** Pages for some roles only (tier rules: admins and directors); the server enforces the same rule. */
export function RequireRoles({ roles }: { roles: readonly TRole[] }) {
  const user = useCurrentUser();
  const { t } = useTranslation();
  return roles.includes(user.role) ? (
    <Outlet />
  ) : (
    <ForbiddenPage text={t('pages.forbiddenRoles', { roles: roles.map((role) => t(`roles.${role}`)).join(t('common.listSeparator')) })} />
  );
}

/** The admin pages; the server enforces the same rule, this only spares others a page of errors. */
export function RequireAdmin() {
  const user = useCurrentUser();
  return user.role === 'admin' ? <Outlet /> : <ForbiddenPage />;
}
