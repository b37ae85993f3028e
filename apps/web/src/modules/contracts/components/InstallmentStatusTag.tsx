import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstallmentStatus } from '../contractMath.ts';

const COLORS: Record<InstallmentStatus, string> = { paid: 'green', partial: 'gold', overdue: 'red', upcoming: 'default' };

export function InstallmentStatusTag({ status }: { status: InstallmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="installment-status">
      {t(`contracts.plan.statuses.${status}`)}
    </Tag>
  );
}
