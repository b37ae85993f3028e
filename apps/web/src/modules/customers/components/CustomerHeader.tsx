import { ArrowLeftOutlined, CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import type { TCustomer } from '@tierline/contracts';
import { App, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShowError } from '../../../shared/errors.ts';
import { canWrite } from '../../../shared/roles.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { ReleaseModal } from '../../pool/components/ReleaseModal.tsx';
import { useClaimCustomer } from '../../pool/pool.api.ts';
import { claimErrorText } from '../../pool/poolErrors.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { STATUS_COLORS, useSetCustomerDeleted } from '../customers.api.ts';
import { CustomerFormModal } from './CustomerFormModal.tsx';

interface CustomerHeaderProps {
  customer: TCustomer;
  /** From the compliance check; undefined while loading or when the check is not available. */
  compliant?: boolean;
}

/** Name, tier, owner and status at a glance, with what one may do to the customer. */
export function CustomerHeader({ customer: c, compliant }: CustomerHeaderProps) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const showError = useShowError();
  const owner = useUsersById([c.ownerId]).get(c.ownerId ?? '');
  const claim = useClaimCustomer();
  const setDeleted = useSetCustomerDeleted();
  const [editing, setEditing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const writer = canWrite(user.role) && c.deletedAt === null;
  // The owner, or their managers (the server decides exactly whose); a rep cannot give away someone else's customer.
  const mayRelease = writer && c.ownerId !== null && (c.ownerId === user.id || user.role !== 'rep');

  const onClaim = () =>
    claim.mutate(c.id, {
      onSuccess: () => void message.success(t('pool.claimed', { name: c.name })),
      onError: (error) =>
        modal.error({ title: t('pool.claimRefused', { name: c.name }), content: claimErrorText(error, t, i18n.language) }),
    });

  const onDelete = () =>
    setDeleted.mutate(
      { customer: c, deleted: true },
      { onSuccess: () => void message.success(t('customers.deleted')), onError: (error) => showError(error) },
    );

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
            {t('common.back')}
          </Button>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            <TierTag tierId={c.tierId} pinned={c.tierPinned} />
            <Tag color={STATUS_COLORS[c.status]}>{t(`customers.statuses.${c.status}`)}</Tag>
            {compliant === true && (
              <Tag color="success" icon={<CheckCircleFilled />}>
                {t('compliance.compliant')}
              </Tag>
            )}
            {compliant === false && (
              <Tag color="error" icon={<WarningFilled />}>
                {t('compliance.breached')}
              </Tag>
            )}
          </Flex>
          <Typography.Text type="secondary">
            {c.ownerId ? (
              t('customers.ownerLine', { name: owner?.name ?? '…' })
            ) : (
              <Link to="/customers/pool">{t('customers.inPoolLine')}</Link>
            )}
          </Typography.Text>
        </div>
        <Space wrap>
          {writer && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          {writer && c.ownerId === null && (
            <Button type="primary" onClick={onClaim} loading={claim.isPending}>
              {t('pool.claim')}
            </Button>
          )}
          {mayRelease && <Button onClick={() => setReleasing(true)}>{t('pool.release')}</Button>}
          {writer && (
            <Popconfirm
              title={t('customers.deleteConfirm', { name: c.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={onDelete}
            >
              <Button danger loading={setDeleted.isPending}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      <CustomerFormModal open={editing} customer={c} onClose={() => setEditing(false)} />
      <ReleaseModal customer={releasing ? c : null} onClose={() => setReleasing(false)} />
    </>
  );
}
