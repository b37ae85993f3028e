import { Segmented, Select } from 'antd';
import { useIsPhone } from '../../../shared/useIsPhone.ts';

/** A "by" switch: segments on a wide screen, a select on a phone (four segments do not fit beside the title). */
export function BySwitch<T extends string>({
  value,
  options,
  onChange,
  label,
  testId,
}: {
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  label: string;
  testId: string;
}) {
  const isPhone = useIsPhone();
  return isPhone ? (
    <Select<T>
      aria-label={label}
      size="small"
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: 112 }}
      data-testid={testId}
    />
  ) : (
    <Segmented<T> aria-label={label} size="small" value={value} onChange={onChange} options={options} data-testid={testId} />
  );
}
