import type { TApproval } from '@tierline/contracts';
import { Button, Empty, Flex, Space, Table, type TableProps, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useDealNames } from '../../contracts/contracts.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { approvalAsk, isDecider, mayDecide, subjectPath } from '../approvalRules.ts';
import { type ApprovalFilters, useApprovalList } from '../approvals.api.ts';
import { ApprovalAsk } from './ApprovalAsk.tsx';
import { ApprovalCard } from './ApprovalCard.tsx';
import { ApprovalStatus } from './ApprovalStatus.tsx';
import { DecisionModal, type PendingDecision } from './DecisionModal.tsx';

/** One view of the approvals (asked of me, asked by me, all), newest first, with approve / reject where I may. */
export function ApprovalsTable({ filters, emptyText }: { filters: ApprovalFilters; emptyText: string }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const list = useApprovalList(filters);
  const people = useUsersById(list.rows.flatMap((a) => [a.requestedBy, a.approverId]));
  const dealNames = useDealNames(list.rows.filter((a) => a.entity === 'deal').map((a) => a.entityId));
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const lng = i18n.language;

  const subjectOf = (a: TApproval) => {
    const ask = approvalAsk(a);
    if (ask.kind === 'contract_amount') return t('approvals.contractSubject', { number: ask.number ?? '…' });
    return t('approvals.dealSubject', { name: dealNames.get(a.entityId) ?? '…' });
  };
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? '…') : '—');
  const decide = (a: TApproval) =>
    mayDecide(user, a) && (
      <Space size={4} wrap>
        <Button size="small" type="primary" onClick={() => setPending({ approval: a, decision: 'approve', subject: subjectOf(a) })}>
          {t('approvals.approve')}
        </Button>
        <Button size="small" danger onClick={() => setPending({ approval: a, decision: 'reject', subject: subjectOf(a) })}>
          {t('approvals.reject')}
        </Button>
      </Space>
    );

  // Nobody decides their own requests; reps and viewers decide none.
  const decides = isDecider(user.role) && filters.view !== 'requested';
  const columns: TableProps<TApproval>['columns'] = [
    {
      key: 'createdAt',
      title: t('approvals.createdAt'),
      render: (_, a) => <Tooltip title={formatDateTime(a.createdAt, lng)}>{formatDate(a.createdAt, lng)}</Tooltip>,
    },
    { key: 'kind', title: t('approvals.kind'), render: (_, a) => <Tag>{t(`approvals.kinds.${a.kind}`)}</Tag> },
    { key: 'subject', title: t('approvals.subject'), render: (_, a) => <Link to={subjectPath(a)}>{subjectOf(a)}</Link> },
    { key: 'ask', title: t('approvals.ask'), render: (_, a) => <ApprovalAsk approval={a} /> },
    // A column that would say "me" on every row is left out.
    ...(filters.view === 'requested'
      ? []
      : [{ key: 'requester', title: t('approvals.requester'), render: (_: unknown, a: TApproval) => name(a.requestedBy) }]),
    ...(filters.view === 'toDecide'
      ? []
      : [{ key: 'approver', title: t('approvals.approver'), render: (_: unknown, a: TApproval) => name(a.approverId) }]),
    { key: 'status', title: t('approvals.status'), render: (_, a) => <ApprovalStatus approval={a} /> },
    ...(decides ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, a: TApproval) => decide(a) }] : []),
  ];

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={list.refetch} />;
  return (
    <>
      {isPhone ? (
        <Flex vertical gap={8} data-testid="approvals-list">
          {list.rows.map((a) => (
            <ApprovalCard key={a.id} approval={a} subject={subjectOf(a)} requester={name(a.requestedBy)} actions={decide(a)} />
          ))}
          {!list.isPending && list.rows.length === 0 && <Empty description={emptyText} />}
        </Flex>
      ) : (
        <Table<TApproval>
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          locale={{ emptyText }}
          data-testid="approvals-table"
        />
      )}
      <LoadMore
        count={list.rows.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
      <DecisionModal pending={pending} onClose={() => setPending(null)} />
    </>
  );
}
