import { Flex, Layout } from 'antd';
import { Outlet } from 'react-router';
import { Logo } from '../../shared/Logo.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Frame of the pages seen before signing in: sign-in, first-run setup, password reset. */
export function PublicLayout() {
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #eef3fb 0%, #f7f9fc 60%, #ffffff 100%)' }}>
      <Flex justify="space-between" align="center" style={{ padding: '16px 20px' }}>
        <Logo />
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" align="flex-start" style={{ flex: 1, padding: '5vh 16px 48px' }}>
        <div style={{ width: '100%', maxWidth: 420 }}>
          <Outlet />
        </div>
      </Flex>
    </Layout>
  );
}
