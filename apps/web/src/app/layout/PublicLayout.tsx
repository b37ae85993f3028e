import { theme } from 'antd';
import { Outlet } from 'react-router';
import { Logo } from '../../shared/Logo.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/**
 * Frame of the pages seen before signing in: sign-in, first-run setup, password reset. Plain boxes rather than
 * antd's Layout: this is the first page everyone loads, and a gradient with a header row needs no component.
 */
export function PublicLayout() {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        // The page's text in antd's font and colours (antd's App sets these after sign-in; the sign-in page has none).
        fontFamily: token.fontFamily,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        color: token.colorText,
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(160deg, #eef3fb 0%, #f7f9fc 60%, #ffffff 100%)',
      }}
    >
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '16px 20px' }}>
        <Logo />
        <LanguageSwitch />
      </header>
      <main style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', flex: 1, padding: '5vh 16px 48px' }}>
        <div style={{ width: '100%', maxWidth: 420 }}>
          <Outlet />
        </div>
      </main>
    </div>
  );
}
