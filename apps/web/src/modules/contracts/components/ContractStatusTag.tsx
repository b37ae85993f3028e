import type { TContractStatus } from '@tierline/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTRACT_STATUS_COLORS } from '../contracts.api.ts';

export function ContractStatusTag({ status }: { status: TContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={CONTRACT_STATUS_COLORS[status]} data-testid="contract-status">
      {t(`contracts.statuses.${status}`)}
    </Tag>
  );
}
