import { CopyOutlined } from '@ant-design/icons';
import type { TLead } from '@tierline/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLeadOpen, useLeadDuplicates } from '../leads.api.ts';

/**
 * A list cell: how many records look like this lead, when any do. Asked only for open, live leads —
 * a converted, merged or deleted lead has nothing left to de-duplicate.
 */
export function DuplicateIndicator({ lead }: { lead: TLead }) {
  const { t } = useTranslation();
  const relevant = isLeadOpen(lead) && lead.deletedAt === null;
  const { data } = useLeadDuplicates(lead.id, relevant);
  if (!relevant || !data?.length) return null;
  const on = [...new Set(data.flatMap((d) => d.matchedOn))].map((m) => t(`leads.duplicates.matched.${m}`));
  return (
    <Tooltip title={t('leads.duplicates.matchedOn', { fields: on.join(t('common.listSeparator')) })}>
      <Tag color="warning" icon={<CopyOutlined />} data-testid="duplicate-indicator">
        {t('leads.duplicates.count', { n: data.length })}
      </Tag>
    </Tooltip>
  );
}
