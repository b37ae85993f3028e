import type { TLead } from '@tierline/contracts';
import { Badge, Card, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isLeadOpen, useLeadDuplicates } from '../leads.api.ts';
import { DuplicateList } from './DuplicateList.tsx';
import { MergeLeadModal } from './MergeLeadModal.tsx';

/** Records that look like this lead; a lead among them can be merged with it. */
export function DuplicatesCard({ lead, editable }: { lead: TLead; editable: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Stays mounted when the merge closes this lead, so the merge dialog can still take the user to the kept one.
  const duplicates = useLeadDuplicates(lead.id);
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  const count = duplicates.data?.length ?? 0;
  // A converted lead may still absorb a duplicate (it survives); merging needs the right to write.
  const mayMerge = editable && (isLeadOpen(lead) || lead.status === 'converted');
  return (
    <Card
      size="small"
      title={
        <span>
          {t('leads.duplicates.title')} <Badge count={count} color="orange" />
        </span>
      }
      data-testid="lead-duplicates"
    >
      {duplicates.isPending ? (
        <Spin />
      ) : count === 0 ? (
        <Typography.Text type="secondary">{t('leads.duplicates.none')}</Typography.Text>
      ) : (
        <DuplicateList duplicates={duplicates.data ?? []} onMerge={mayMerge ? setMergeWith : undefined} />
      )}
      <MergeLeadModal
        current={lead}
        otherId={mergeWith}
        onClose={() => setMergeWith(null)}
        onMerged={(kept) => kept.id !== lead.id && navigate(`/leads/${kept.id}`)}
      />
    </Card>
  );
}
