import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TLeadWithDuplicates } from '../leads.api.ts';
import { DuplicateList } from './DuplicateList.tsx';
import { MergeLeadModal } from './MergeLeadModal.tsx';

/**
 * Right after a lead is captured: the records it looks like, when there are any. The server never
 * refuses a duplicate (the same person may truly come back), so this is where the user decides.
 */
export function CreatedDuplicatesModal({ created, onClose }: { created: TLeadWithDuplicates | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  if (!created) return null;
  const { duplicates, ...lead } = created;
  const openNew = () => {
    onClose();
    navigate(`/leads/${lead.id}`);
  };
  return (
    <>
      <Modal
        open={mergeWith === null}
        title={t('leads.duplicates.createdTitle')}
        onCancel={onClose}
        footer={[
          <Button key="close" onClick={onClose}>
            {t('common.close')}
          </Button>,
          <Button key="open" type="primary" onClick={openNew}>
            {t('leads.duplicates.openNew')}
          </Button>,
        ]}
        data-testid="created-duplicates"
      >
        <Typography.Paragraph type="secondary">{t('leads.duplicates.createdIntro', { name: lead.name })}</Typography.Paragraph>
        <DuplicateList duplicates={duplicates} onMerge={setMergeWith} onNavigate={onClose} />
      </Modal>
      <MergeLeadModal
        current={lead}
        otherId={mergeWith}
        onClose={() => setMergeWith(null)}
        onMerged={(kept) => {
          onClose();
          navigate(`/leads/${kept.id}`);
        }}
      />
    </>
  );
}
