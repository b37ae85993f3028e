import type { TLead } from '@tierline/contracts';
import { Alert, App, Card, Col, Descriptions, Flex, Modal, Radio, Row, Spin, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { LEAD_STATUS_COLORS, useLead, useMergeLead } from '../leads.api.ts';
import { defaultSurvivor, mergePreview, mergeRefusal, mergeRequest } from '../mergePlan.ts';
import { useShowLeadError } from '../useLeadError.ts';

interface MergeLeadModalProps {
  /** The lead whose page (or creation) the merge started from. */
  current: TLead;
  /** The duplicate to merge with; null closes the dialog. */
  otherId: string | null;
  onClose: () => void;
  onMerged?: (kept: TLead) => void;
}

/** Merges two leads: the user picks the survivor, sees what it will gain, and confirms. */
export function MergeLeadModal({ current, otherId, onClose, onMerged }: MergeLeadModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const other = useLead(otherId ?? '', otherId !== null);
  const merge = useMergeLead();
  const showError = useShowLeadError();
  // The user's pick, remembered per pair; until they pick, the proposed survivor (the current lead when it may stay).
  const [picked, setPicked] = useState<{ otherId: string; keepId: string } | null>(null);
  const o = otherId && other.data?.id === otherId ? other.data : undefined;
  const keepId = o ? (picked?.otherId === o.id ? picked.keepId : defaultSurvivor(current, o)) : null;
  const setKeepId = (id: string) => o && setPicked({ otherId: o.id, keepId: id });

  const keep = o && (keepId === current.id ? current : keepId === o.id ? o : undefined);
  const gone = keep && o && (keep.id === current.id ? o : current);

  const onOk = () => {
    if (!keep || !gone || !o) return;
    merge.mutate(mergeRequest(current, o, keep.id), {
      onSuccess: ({ kept }) => {
        void message.success(t('leads.merge.done', { name: kept.name }));
        onClose();
        onMerged?.(kept);
      },
      onError: (error) => showError(error),
    });
  };

  const candidate = (lead: TLead, other: TLead) => {
    const refusal = mergeRefusal(lead, other);
    const selected = keepId === lead.id;
    return (
      <Card
        size="small"
        hoverable={!refusal}
        onClick={() => !refusal && setKeepId(lead.id)}
        style={{ height: '100%', borderColor: selected ? token.colorPrimary : undefined, cursor: refusal ? 'not-allowed' : 'pointer' }}
        data-testid={`merge-candidate-${lead.id === current.id ? 'current' : 'other'}`}
      >
        <Radio checked={selected} disabled={Boolean(refusal)} onChange={() => setKeepId(lead.id)}>
          {t('leads.merge.keep')}
        </Radio>
        <Flex vertical gap={2} style={{ marginTop: 8 }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{lead.name}</Typography.Text>
            <Tag color={LEAD_STATUS_COLORS[lead.status]}>{t(`leads.statuses.${lead.status}`)}</Tag>
          </Flex>
          {[lead.company, lead.email, lead.phone].filter(Boolean).map((v) => (
            <Typography.Text key={v} type="secondary" ellipsis>
              {v}
            </Typography.Text>
          ))}
          {/* The older record is usually the one to keep: say when each came in. */}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('leads.merge.createdOn', { date: formatDateTime(lead.createdAt, i18n.language) })}
          </Typography.Text>
          {refusal && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t(`leads.merge.refused.${refusal}`)}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    );
  };

  return (
    <Modal
      open={otherId !== null}
      title={t('leads.merge.title')}
      okText={t('leads.merge.submit')}
      okButtonProps={{ danger: true, disabled: !keep }}
      cancelText={t('common.cancel')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      width={640}
      destroyOnHidden
    >
      {!o ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('leads.merge.intro')}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            <Col xs={24} sm={12}>
              {candidate(current, o)}
            </Col>
            <Col xs={24} sm={12}>
              {candidate(o, current)}
            </Col>
          </Row>
          {keep && gone ? (
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('leads.merge.result')}
              data-testid="merge-preview"
              items={mergePreview(keep, gone).map((f) => ({
                key: f.field,
                label: t(`leads.fields.${f.field}`),
                children: (
                  <Flex gap={6} wrap>
                    <span>{f.value ?? '—'}</span>
                    {f.from === 'gone' && <Tag color="green">{t('leads.merge.filled')}</Tag>}
                  </Flex>
                ),
              }))}
            />
          ) : (
            <Alert type="warning" showIcon title={t('leads.merge.noneAllowed')} />
          )}
          {keep && <Alert type="warning" showIcon title={t('leads.merge.confirm')} />}
        </Flex>
      )}
    </Modal>
  );
}
