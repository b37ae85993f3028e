import type { TNotificationKind } from '@tierline/contracts';
import { App, Flex, Spin, Switch, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { usePreferences, useSetPreference } from '../notifications.api.ts';

/** 通知设置: one switch per kind; each change is saved at once. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const showError = useShowError();
  const preferences = usePreferences();
  const setPreference = useSetPreference();

  if (preferences.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (preferences.isError) return <LoadError error={preferences.error} onRetry={preferences.refetch} />;

  const onChange = (kind: TNotificationKind, enabled: boolean) =>
    setPreference.mutate(
      { kind, enabled },
      { onSuccess: () => void message.success(t('notifications.preferencesSaved')), onError: (e) => showError(e) },
    );

  return (
    <div data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('notifications.preferencesIntro')}</Typography.Paragraph>
      {preferences.data.map((p) => {
        const id = `notification-kind-${p.kind}`;
        return (
          <Flex
            key={p.kind}
            justify="space-between"
            align="center"
            gap={16}
            style={{ padding: '12px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
          >
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong id={id}>
                {t(`notifications.kinds.${p.kind}`)}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{t(`notifications.kindHints.${p.kind}`)}</Typography.Text>
            </div>
            <Switch
              checked={p.enabled}
              aria-labelledby={id}
              loading={setPreference.isPending && setPreference.variables?.kind === p.kind}
              onChange={(enabled) => onChange(p.kind, enabled)}
            />
          </Flex>
        );
      })}
    </div>
  );
}
