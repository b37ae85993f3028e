import { theme } from 'antd';
import { useMemo } from 'react';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { type AttainmentBar, attainmentBarsOption } from '../dashboard.charts.ts';

/** Attainment bars (KPIs of a rep, or reps of a team) coloured met / near / below, as on the scorecard. */
export function AttainmentBars({ items, label, testId }: { items: AttainmentBar[]; label: string; testId: string }) {
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const option = useMemo(
    () => attainmentBarsOption(items, { met: token.colorSuccess, near: token.colorPrimary, below: token.colorWarning }, isPhone),
    [items, token, isPhone],
  );
  const bars = items.filter((i) => i.attainment !== null).length;
  if (!bars) return null;
  return <Chart option={option} height={Math.max(120, bars * 36 + 32)} label={label} testId={testId} />;
}
