import { Avatar, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth.api.ts';

/** 工作台. For now a welcome; the role-based dashboards of the analytics module will live here. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Card data-testid="welcome-card">
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Avatar size={56} style={{ backgroundColor: '#1f5fbf', fontSize: 24 }}>
          {user.name.slice(0, 1).toUpperCase()}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dashboard.welcome', { name: user.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dashboard.intro')}</Typography.Text>
        </div>
      </Flex>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 3 }}
        size="small"
        items={[
          { key: 'role', label: t('dashboard.role'), children: <Tag color="blue">{t(`roles.${user.role}`)}</Tag> },
          { key: 'org', label: t('dashboard.org'), children: user.orgName },
          { key: 'email', label: t('dashboard.email'), children: user.email },
        ]}
      />
    </Card>
  );
}
