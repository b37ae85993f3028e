import type { TApproval } from '@tierline/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { subjectPath } from '../approvalRules.ts';
import { ApprovalAsk } from './ApprovalAsk.tsx';
import { ApprovalStatus } from './ApprovalStatus.tsx';

interface ApprovalCardProps {
  approval: TApproval;
  subject: string;
  requester: string;
  actions: ReactNode;
}

/** One approval as a card: a phone has no room for the table's columns. */
export function ApprovalCard({ approval: a, subject, requester, actions }: ApprovalCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" data-testid="approval-card">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Link to={subjectPath(a)} style={{ minWidth: 0 }}>
            {subject}
          </Link>
          <ApprovalStatus approval={a} withComment={false} />
        </Flex>
        <ApprovalAsk approval={a} />
        {a.comment && <Typography.Text type="secondary">{a.comment}</Typography.Text>}
        <Flex wrap gap={8} align="center">
          <Tag>{t(`approvals.kinds.${a.kind}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {requester} · {formatDate(a.createdAt, i18n.language)}
          </Typography.Text>
        </Flex>
        {actions && <Flex justify="flex-end">{actions}</Flex>}
      </Flex>
    </Card>
  );
}
