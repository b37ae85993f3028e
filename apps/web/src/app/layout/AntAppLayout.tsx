import { App as AntApp } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's App (toasts, notifications, confirm dialogs: `App.useApp()`) around the pages that use it: first-run setup,
 * password reset and everything after sign-in. Loaded with the first of those, not with the sign-in page, which
 * shows its errors inline and would otherwise carry message, notification and Modal. One instance for all of them,
 * so the toast of a finished setup stays up on the dashboard it leads to.
 */
export function AntAppLayout() {
  return (
    <AntApp>
      <Outlet />
    </AntApp>
  );
}
