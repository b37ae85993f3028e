import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import type { TLead } from '@tierline/contracts';
import { App, Button, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canWrite } from '../../../shared/roles.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { isLeadOpen, LEAD_STATUS_COLORS, OPEN_STATUSES, type TLeadOpenStatus, useSetLeadDeleted, useUpdateLead } from '../leads.api.ts';
import { useShowLeadError } from '../useLeadError.ts';
import { ConvertLeadDialog } from './ConvertLeadDialog.tsx';
import { LeadFormModal } from './LeadFormModal.tsx';
import { ScoreTag } from './ScoreTag.tsx';

/** Name, status, score and owner at a glance, with what one may do to the lead: status, edit, convert, delete. */
export function LeadHeader({ lead }: { lead: TLead }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const owner = useUsersById([lead.ownerId]).get(lead.ownerId ?? '');
  const update = useUpdateLead();
  const setDeleted = useSetLeadDeleted();
  const showError = useShowLeadError();
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  // Converted and merged leads are history, and a deleted one must be restored first.
  const writer = canWrite(user.role) && isLeadOpen(lead) && lead.deletedAt === null;

  const onStatus = (status: TLeadOpenStatus) =>
    update.mutate(
      { id: lead.id, version: lead.version, status },
      { onSuccess: () => void message.success(t('leads.updated')), onError: (error) => showError(error) },
    );
  const onDelete = () =>
    setDeleted.mutate(
      { lead, deleted: true },
      { onSuccess: () => void message.success(t('leads.deleted')), onError: (error) => showError(error) },
    );

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
        {t('common.back')}
      </Button>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="lead-name">
              {lead.name}
            </Typography.Title>
            <ScoreTag lead={lead} />
            <Tag color={LEAD_STATUS_COLORS[lead.status]} data-testid="lead-status">
              {t(`leads.statuses.${lead.status}`)}
            </Tag>
          </Flex>
          <Typography.Text type="secondary">
            {[lead.company, lead.ownerId ? t('leads.ownerLine', { name: owner?.name ?? '…' }) : t('leads.unassignedLine')]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
        {writer && (
          <Space wrap>
            <Select<TLeadOpenStatus>
              value={lead.status as TLeadOpenStatus}
              onChange={onStatus}
              loading={update.isPending}
              options={OPEN_STATUSES.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
              aria-label={t('leads.fields.status')}
              style={{ minWidth: 110 }}
            />
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Popconfirm
              title={t('leads.deleteConfirm', { name: lead.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={onDelete}
            >
              <Button danger loading={setDeleted.isPending}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setConverting(true)}>
              {t('leads.convert.button')}
            </Button>
          </Space>
        )}
      </Flex>
      <LeadFormModal open={editing} lead={lead} onClose={() => setEditing(false)} />
      {/* Mounted for every writer, not only while the lead is open: converting closes the lead, and the dialog must live on to navigate. */}
      {canWrite(user.role) && <ConvertLeadDialog lead={lead} open={converting} onClose={() => setConverting(false)} />}
    </>
  );
}
