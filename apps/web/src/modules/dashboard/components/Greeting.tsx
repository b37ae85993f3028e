import { Avatar, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth.api.ts';

/**
 * The compact greeting over the dashboards: who is signed in, in which organisation and role, with the view switch
 * beside it. The test id is the one the browser journeys wait for after sign-in.
 */
export function Greeting({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Flex data-testid="welcome-card" justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={12} align="center" style={{ minWidth: 0 }}>
        <Avatar size={40} style={{ backgroundColor: '#1f5fbf', flex: 'none' }}>
          {user.name.slice(0, 1).toUpperCase()}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dashboard.welcome', { name: user.name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {user.orgName} · <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
          </Typography.Text>
        </div>
      </Flex>
      {extra}
    </Flex>
  );
}
