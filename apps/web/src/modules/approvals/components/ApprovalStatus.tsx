import type { TApproval } from '@tierline/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { APPROVAL_STATUS_COLORS } from '../approvals.api.ts';

/** The status, when it was decided (on hover), and the approver's comment under it. */
export function ApprovalStatus({ approval: a, withComment = true }: { approval: TApproval; withComment?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0, maxWidth: 260 }}>
      <Tooltip title={a.decidedAt ? `${t('approvals.decidedAt')} ${formatDateTime(a.decidedAt, i18n.language)}` : undefined}>
        <Tag color={APPROVAL_STATUS_COLORS[a.status]} style={{ width: 'fit-content' }} data-testid="approval-status">
          {t(`approvals.statuses.${a.status}`)}
        </Tag>
      </Tooltip>
      {withComment && a.comment && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: a.comment }}>
          {a.comment}
        </Typography.Text>
      )}
    </Flex>
  );
}
