import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAsOf } from '../asOf.ts';

interface FiguresAsOfProps {
  asOf?: string;
  refreshing: boolean;
  onRefresh: () => void;
  /** In a card's header: the time alone, the button an icon with its name as a tooltip. */
  compact?: boolean;
  /** Only the icon (a phone's card header has no room): the time is in its tooltip. */
  iconOnly?: boolean;
}

/**
 * The quiet line over figures served as a snapshot: when they were computed, and 刷新 to compute them now.
 * The time is left out until the server sends it (an older server does not), the button stays.
 */
export function FiguresAsOf({ asOf, refreshing, onRefresh, compact, iconOnly }: FiguresAsOfProps) {
  const { t, i18n } = useTranslation();
  const time = asOf && formatAsOf(asOf, i18n.language);
  const button = (
    <Button
      size="small"
      type={compact ? 'text' : 'default'}
      icon={<ReloadOutlined />}
      loading={refreshing}
      onClick={onRefresh}
      aria-label={t('dashboard.refresh')}
      data-testid="refresh-figures"
    >
      {compact ? null : t('dashboard.refresh')}
    </Button>
  );
  return (
    <Flex align="center" justify="flex-end" gap={compact ? 0 : 8} wrap data-testid="figures-as-of">
      {time && !iconOnly && (
        <Typography.Text type="secondary" data-testid="figures-as-of-time" style={compact ? { fontSize: 12 } : undefined}>
          {compact ? time : t('dashboard.asOf', { time })}
        </Typography.Text>
      )}
      {compact ? <Tooltip title={time ? t('dashboard.asOfRefresh', { time }) : t('dashboard.refresh')}>{button}</Tooltip> : button}
    </Flex>
  );
}
