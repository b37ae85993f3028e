import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format.ts';
import { approvalAsk, isSenior } from '../../approvals/approvalRules.ts';
import { useApprovalsOf } from '../../approvals/approvals.api.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import type { TContractDetail } from '../contracts.api.ts';

/**
 * Where the contract's amount approval stands: whom it waits for, or why it was rejected. Only
 * approvals the caller may see are shown (their own, or all for directors and admins).
 */
export function ContractApprovalAlert({ contract: c, onResubmit }: { contract: TContractDetail; onResubmit?: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const approvals = useApprovalsOf(c.id, isSenior(user.role) ? 'all' : 'mine');
  // Newest first: the latest decides what the contract waits for.
  const latest = approvals.data?.data.find((a) => a.kind === 'contract_amount');
  const people = useUsersById([latest?.approverId]);
  if (!latest) return null;
  const approver = people.get(latest.approverId ?? '')?.name ?? '…';
  const ask = approvalAsk(latest);
  const money = (v: string | null) => (ask.kind === 'contract_amount' ? formatMoney(v, ask.currency, i18n.language) : '');
  const tab = latest.approverId === user.id ? 'toDecide' : latest.requestedBy === user.id ? 'requested' : 'all';
  const open = <Link to={`/approvals?tab=${tab}&status=${latest.status}`}>{t('contracts.approval.open')}</Link>;

  if (latest.status === 'pending' && c.status === 'pending_approval') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('contracts.approval.pending', { name: approver })}
        description={
          ask.kind === 'contract_amount'
            ? t('contracts.approval.pendingText', { amount: money(ask.amount), limit: money(ask.limit) })
            : null
        }
        action={open}
        style={{ marginBottom: 16 }}
        data-testid="contract-approval"
      />
    );
  }
  if (latest.status === 'rejected' && c.status === 'draft') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('contracts.approval.rejected')}
        description={t('contracts.approval.rejectedText', { name: approver, comment: latest.comment ?? '' })}
        action={
          onResubmit && (
            <Button size="small" onClick={onResubmit}>
              {t('contracts.actions.pending_approval')}
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
        data-testid="contract-approval"
      />
    );
  }
  return null;
}
