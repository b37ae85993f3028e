import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../figures.ts';

/**
 * The change against the previous period, as a signed percentage with an arrow: green up, red down (or the other way
 * round with `lowerIsBetter`, e.g. cycle days). `rate` is a fraction as the API sends it ("0.125"); null shows "—"
 * (no previous figure to compare with).
 */
export function Delta({ rate, lowerIsBetter = false }: { rate: string | number | null | undefined; lowerIsBetter?: boolean }) {
  const { t, i18n } = useTranslation();
  if (rate === null || rate === undefined || rate === '') {
    return (
      <Typography.Text type="secondary" title={t('analytics.noPrevious')}>
        —
      </Typography.Text>
    );
  }
  const n = Number(rate);
  const good = lowerIsBetter ? n < 0 : n > 0;
  const color = n === 0 ? undefined : good ? '#389e0d' : '#cf1322';
  return (
    <span style={{ color, whiteSpace: 'nowrap' }} title={t('analytics.vsPrevious')} data-testid="delta">
      {n > 0 ? <ArrowUpOutlined /> : n < 0 ? <ArrowDownOutlined /> : null} {formatPercent(Math.abs(n), i18n.language)}
    </span>
  );
}
