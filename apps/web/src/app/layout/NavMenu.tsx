import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../../modules/auth/auth.api.ts';
import { ADMIN_GROUP_ICON, ADMIN_GROUP_KEY, ADMIN_NAV, activeNavKey, MAIN_NAV, type NavItem } from './navigation.tsx';

type MenuItem = Required<MenuProps>['items'][number];

interface NavMenuProps {
  /** Called after a click, so the phone drawer can close. */
  onNavigate?: () => void;
  theme?: 'light' | 'dark';
}

/** The module navigation, shared by the desktop sider and the phone drawer. */
export function NavMenu({ onNavigate, theme = 'dark' }: NavMenuProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const selected = activeNavKey(pathname);

  // Real links, so a middle-click opens a module in a new tab.
  const toItem = (item: NavItem): MenuItem => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={onNavigate}>
        {t(`nav.${item.key}`)}
      </Link>
    ),
  });

  const items: MenuItem[] = MAIN_NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map(toItem);
  if (user.role === 'admin') {
    items.push({ key: ADMIN_GROUP_KEY, icon: ADMIN_GROUP_ICON, label: t('nav.admin'), children: ADMIN_NAV.map(toItem) });
  }

  return (
    <Menu
      mode="inline"
      theme={theme}
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={pathname.startsWith('/admin') ? [ADMIN_GROUP_KEY] : []}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
