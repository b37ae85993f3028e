import { Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface DateRangeInputsProps {
  from?: string;
  to?: string;
  onChange: (patch: { from?: string; to?: string }) => void;
  /** Stretch over the row (a phone's folded filters). */
  block?: boolean;
}

/** "受理日期 [from] ~ [to]": two native date inputs (the picker phones know), both days included. */
export function DateRangeInputs({ from, to, onChange, block = false }: DateRangeInputsProps) {
  const { t } = useTranslation();
  const input = (key: 'from' | 'to', label: string, value: string | undefined) => (
    <Input
      type="date"
      aria-label={label}
      title={label}
      value={value ?? ''}
      max={key === 'from' ? to : undefined}
      min={key === 'to' ? from : undefined}
      onChange={(e) => onChange({ [key]: e.target.value || undefined })}
      style={{ width: block ? undefined : 150, flex: block ? 1 : undefined, minWidth: 0 }}
    />
  );
  return (
    <Flex align="center" gap={6} style={{ width: block ? '100%' : undefined }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('service.filters.openedOn')}
      </Typography.Text>
      {input('from', t('service.filters.from'), from)}
      <Typography.Text type="secondary">~</Typography.Text>
      {input('to', t('service.filters.to'), to)}
    </Flex>
  );
}
