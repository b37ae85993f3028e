import { LockOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomersById } from '../../customers/customers.api.ts';
import { LEAD_STATUS_COLORS, type TLeadDuplicate, useLeadsById } from '../leads.api.ts';

interface DuplicateListProps {
  duplicates: readonly TLeadDuplicate[];
  /** Offers "merge" on the lead duplicates one may open; absent, the list only shows them. */
  onMerge?: (leadId: string) => void;
  /** Called when a link is followed (a dialog closes itself). */
  onNavigate?: () => void;
}

/**
 * Leads and customers that look like a lead, with what they share. One outside the reader's scope
 * is named but not opened: it tells two reps that they may be working the same person.
 */
export function DuplicateList({ duplicates, onMerge, onNavigate }: DuplicateListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const visible = (entity: TLeadDuplicate['entity']) => duplicates.filter((d) => d.entity === entity && d.visible).map((d) => d.id);
  const leads = useLeadsById(visible('lead'));
  const customers = useCustomersById(visible('customer'));
  const fields = (d: TLeadDuplicate) => d.matchedOn.map((on) => t(`leads.duplicates.matched.${on}`)).join(t('common.listSeparator'));

  return (
    <Flex vertical data-testid="duplicate-list">
      {duplicates.map((d, i) => {
        const lead = d.entity === 'lead' ? leads.get(d.id) : undefined;
        const customer = d.entity === 'customer' ? customers.get(d.id) : undefined;
        const name = lead?.name ?? customer?.name;
        const path = d.entity === 'lead' ? `/leads/${d.id}` : `/customers/${d.id}`;
        return (
          <Flex
            key={`${d.entity}:${d.id}`}
            align="center"
            justify="space-between"
            wrap
            gap={8}
            style={{ padding: '10px 0', borderTop: i === 0 ? undefined : `1px solid ${token.colorBorderSecondary}` }}
            data-testid="duplicate-item"
          >
            <Flex vertical style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Flex align="center" gap={6} wrap>
                <Tag color={d.entity === 'customer' ? 'gold' : 'blue'}>{t(`leads.duplicates.${d.entity}`)}</Tag>
                {d.visible ? (
                  <Link to={path} onClick={onNavigate}>
                    {name ?? '…'}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">
                    <LockOutlined /> {t(d.entity === 'lead' ? 'leads.duplicates.hiddenLead' : 'leads.duplicates.hiddenCustomer')}
                  </Typography.Text>
                )}
                {lead && <Tag color={LEAD_STATUS_COLORS[lead.status]}>{t(`leads.statuses.${lead.status}`)}</Tag>}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[t('leads.duplicates.matchedOn', { fields: fields(d) }), lead?.company ?? customer?.region].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
            {onMerge && d.entity === 'lead' && d.visible && lead?.status !== 'merged' && (
              <Button size="small" onClick={() => onMerge(d.id)}>
                {t('leads.duplicates.merge')}
              </Button>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
