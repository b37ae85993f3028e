import { BellOutlined, DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../../modules/auth/auth.api.ts';
import { ChangePasswordModal } from '../../modules/auth/components/ChangePasswordModal.tsx';

/** Who is signed in, and what they can do about their own account. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div>
          <Typography.Text strong>{user.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t(`roles.${user.role}`)}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <LockOutlined />, label: t('userMenu.changePassword') },
    { key: 'tokens', icon: <KeyOutlined />, label: t('userMenu.apiTokens') },
    { key: 'notifications', icon: <BellOutlined />, label: t('notifications.settings') },
    { type: 'divider' },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('userMenu.signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'tokens') navigate('/account/tokens');
    if (key === 'notifications') navigate('/notifications?tab=preferences');
    if (key === 'signOut') {
      logout.mutate(undefined, {
        onSettled: () => {
          void message.success(t('userMenu.signedOut'));
          navigate('/login', { replace: true });
        },
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" style={{ height: 40, paddingInline: 6 }}>
          <Avatar size="small" style={{ backgroundColor: '#1f5fbf' }}>
            {user.name.slice(0, 1).toUpperCase()}
          </Avatar>
          {!compact && <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.name}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
