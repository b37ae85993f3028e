import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Spin, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { NotificationBell } from '../../modules/notifications/components/NotificationBell.tsx';
import { Logo } from '../../shared/Logo.tsx';
import { useIsPhone } from '../../shared/useIsPhone.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

const SIDER_WIDTH = 220;

/**
 * The signed-in frame: module navigation on the left (a drawer on phones),
 * the header with language and account, the page in the middle.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={SIDER_WIDTH}
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          {/* The menu scrolls inside the sider, above the collapse trigger: a long admin group never hides under it. */}
          <div style={{ height: '100%', overflowY: 'auto' }}>
            <div style={{ padding: collapsed ? '14px 24px' : '14px 20px' }}>
              <Logo inverted showName={!collapsed} />
            </div>
            <NavMenu />
          </div>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap={12} style={{ height: '100%' }}>
            {isPhone && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                data-testid="nav-menu-button"
                onClick={() => setDrawerOpen(true)}
              />
            )}
            {isPhone && <Logo size={24} />}
            <div style={{ flex: 1 }} />
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu compact={isPhone} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Logo size={24} />}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
