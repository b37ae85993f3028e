import type { TApproval } from '@tierline/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../../shared/format.ts';
import { approvalAsk } from '../approvalRules.ts';

/** What was asked against what is allowed: the amount against the level limit, or each discount against its cap. */
export function ApprovalAsk({ approval }: { approval: TApproval }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const ask = approvalAsk(approval);
  if (ask.kind === 'contract_amount') {
    return (
      <Typography.Text>
        {t('approvals.amountAsk', { amount: formatMoney(ask.amount, ask.currency, lng), limit: formatMoney(ask.limit, ask.currency, lng) })}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical>
      {ask.lines.map((line) => (
        <Typography.Text key={`${line.productCode}:${line.discountPct}`}>
          {t('approvals.discountAsk', {
            product: line.productCode,
            pct: formatNumber(line.discountPct, lng),
            cap: formatNumber(line.cap, lng),
          })}
        </Typography.Text>
      ))}
    </Flex>
  );
}
