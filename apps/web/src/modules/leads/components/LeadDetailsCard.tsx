import type { TLead } from '@tierline/contracts';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';

const CONTACT_FIELDS = ['company', 'title', 'email', 'phone', 'source', 'region', 'industry'] as const;

/** What is known about the person and company, and when the lead came in. */
export function LeadDetailsCard({ lead }: { lead: TLead }) {
  const { t, i18n } = useTranslation();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Card size="small" title={t('leads.details')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        data-testid="lead-details"
        items={[
          ...CONTACT_FIELDS.map((field) => ({ key: field, label: t(`leads.fields.${field}`), children: lead[field] ?? dash })),
          ...(lead.externalId ? [{ key: 'externalId', label: t('leads.fields.externalId'), children: lead.externalId }] : []),
          { key: 'createdAt', label: t('leads.fields.createdAt'), children: formatDateTime(lead.createdAt, i18n.language) },
          { key: 'updatedAt', label: t('leads.fields.updatedAt'), children: formatDateTime(lead.updatedAt, i18n.language) },
          ...(lead.convertedAt
            ? [{ key: 'convertedAt', label: t('leads.fields.convertedAt'), children: formatDateTime(lead.convertedAt, i18n.language) }]
            : []),
        ]}
      />
    </Card>
  );
}
