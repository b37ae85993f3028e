import type { TPeriodKind } from '@tierline/contracts';
import { Flex, Segmented, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { convertPeriod, periodChoices, periodKind, periodLabel } from '../../performance/periods.ts';

interface PeriodSelectProps {
  value: string;
  onChange: (period: string) => void;
  /** The kinds offered; with more than one, a switch picks the kind (the period keeps its place in time). */
  kinds?: readonly TPeriodKind[];
  testId?: string;
}

/** Picks a period (季度, 月, 年) from the recent ones, newest first; the current one is always among them. */
export function PeriodSelect({ value, onChange, kinds = ['quarter'], testId }: PeriodSelectProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const kind = periodKind(value);
  const options = useMemo(() => {
    const choices = periodChoices(kind, new Date(), undefined, 0);
    // A period from a link may be older than the recent ones: keep it choosable.
    if (!choices.includes(value)) choices.push(value);
    return choices.map((p) => ({ value: p, label: periodLabel(p, t) }));
  }, [kind, value, t]);
  return (
    <Flex gap={8} wrap align="center" style={isPhone ? { width: '100%' } : undefined}>
      {kinds.length > 1 && (
        <Segmented<TPeriodKind>
          value={kind}
          onChange={(next) => onChange(convertPeriod(value, next))}
          options={kinds.map((k) => ({ value: k, label: t(`levelEvaluation.periodKinds.${k}`) }))}
        />
      )}
      <Select<string>
        value={value}
        onChange={onChange}
        options={options}
        aria-label={t('levelEvaluation.period')}
        data-testid={testId}
        style={{ width: isPhone && kinds.length === 1 ? '100%' : 168 }}
      />
    </Flex>
  );
}
