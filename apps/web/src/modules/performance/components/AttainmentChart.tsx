import type { TScorecard } from '@tierline/contracts';
import { theme } from 'antd';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { attainmentChartOption } from '../charts.ts';
import { formatPercent } from '../kpis.ts';

// The shared Chart registers bars, lines, grid, tooltip and legend; the cap line needs the markLine component too.
echarts.use([MarkLineComponent]);

/** KPI attainment as horizontal bars with the cap line (KPIs without a target are not drawn: they do not count). */
export function AttainmentChart({ card }: { card: TScorecard }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const option = useMemo(
    () =>
      attainmentChartOption(
        card,
        t,
        i18n.language,
        { met: token.colorSuccess, near: token.colorPrimary, below: token.colorWarning, cap: token.colorError, text: token.colorText },
        isPhone,
      ),
    [card, t, i18n.language, token, isPhone],
  );
  const bars = card.kpis.filter((k) => k.attainment !== null).length;
  if (bars === 0) return null;
  return (
    <Chart
      option={option}
      height={Math.max(140, bars * 40 + 48)}
      label={t('performance.card.chartLabel', { cap: formatPercent(card.attainmentCap, i18n.language) })}
      testId="attainment-chart"
    />
  );
}
