import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { type FigureRef, useRefreshFigures } from '../analytics.api.ts';
import { formatAsOf } from '../asOf.ts';

interface FiguresAsOfProps {
  /** When the figures shown were computed (left out until the server sends it). */
  asOf?: string;
  /** The snapshots 刷新 computes now: each answer goes where the page reads it. */
  figures: FigureRef[];
  /** In a card's header: the time alone (on a phone not even that) and the button an icon, its name in a tooltip. */
  compact?: boolean;
}

/**
 * The quiet line over figures served as a snapshot (decisions 0034, 0035): when they were computed, and 刷新 to
 * compute them now.
 */
export function FiguresAsOf({ asOf, figures, compact }: FiguresAsOfProps) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshFigures(figures);
  const showError = useShowError();
  const isPhone = useIsPhone();
  const time = asOf && formatAsOf(asOf, i18n.language);
  const button = (
    <Button
      size="small"
      type={compact ? 'text' : 'default'}
      icon={<ReloadOutlined />}
      loading={refresh.isPending}
      onClick={() => refresh.mutate(undefined, { onError: (error) => showError(error) })}
      aria-label={t('analytics.refresh')}
      data-testid="refresh-figures"
    >
      {compact ? null : t('analytics.refresh')}
    </Button>
  );
  return (
    <Flex align="center" justify="flex-end" gap={compact ? 0 : 8} wrap data-testid="figures-as-of">
      {time && !(compact && isPhone) && (
        <Typography.Text type="secondary" data-testid="figures-as-of-time" style={compact ? { fontSize: 12 } : undefined}>
          {compact ? time : t('analytics.asOf', { time })}
        </Typography.Text>
      )}
      {compact ? <Tooltip title={time ? t('analytics.asOfRefresh', { time }) : t('analytics.refresh')}>{button}</Tooltip> : button}
    </Flex>
  );
}
