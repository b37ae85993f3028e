import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAsOf } from '../asOf.ts';

/**
 * The quiet line over a dashboard served as a snapshot: when its figures were computed, and 刷新 to compute them now.
 * The time is left out until the server sends it (an older server does not), the button stays.
 */
export function FiguresAsOf({ asOf, refreshing, onRefresh }: { asOf?: string; refreshing: boolean; onRefresh: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex align="center" justify="flex-end" gap={8} wrap data-testid="figures-as-of">
      {asOf && (
        <Typography.Text type="secondary" data-testid="figures-as-of-time">
          {t('dashboard.asOf', { time: formatAsOf(asOf, i18n.language) })}
        </Typography.Text>
      )}
      <Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh} data-testid="refresh-figures">
        {t('dashboard.refresh')}
      </Button>
    </Flex>
  );
}
