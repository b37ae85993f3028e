import type { TPeriodKind } from '@tierline/contracts';
import { Flex, Segmented, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { convertPeriod, PERIOD_KINDS, periodChoices, periodKind, periodLabel } from '../periods.ts';

interface PeriodPickerProps {
  value: string;
  onChange: (period: string) => void;
}

/** 考核期: the kind (month, quarter, year) and the period itself, recent ones first. */
export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const kind = periodKind(value);
  const options = useMemo(() => {
    const choices = periodChoices(kind);
    // A period from a link may be older than the list goes back: it is still offered.
    if (!choices.includes(value)) choices.push(value);
    return choices.map((period) => ({ value: period, label: periodLabel(period, t) }));
  }, [kind, value, t]);
  return (
    <Flex gap={8} wrap align="center" data-testid="period-picker">
      <Segmented<TPeriodKind>
        aria-label={t('performance.period.kind')}
        value={kind}
        onChange={(next) => onChange(convertPeriod(value, next))}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`performance.period.kinds.${k}`) }))}
      />
      <Select<string>
        aria-label={t('performance.period.label')}
        value={value}
        onChange={onChange}
        options={options}
        style={{ width: isPhone ? 150 : 170 }}
        data-testid="period-select"
      />
    </Flex>
  );
}
