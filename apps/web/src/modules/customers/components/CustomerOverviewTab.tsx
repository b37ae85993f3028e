import type { TCustomer } from '@tierline/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { STATUS_COLORS } from '../customers.api.ts';

/** Every field of the customer; editing is in the header (it needs the whole form). */
export function CustomerOverviewTab({ customer: c }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const owner = useUsersById([c.ownerId]).get(c.ownerId ?? '');
  const { byId: teams } = useTeamOptions();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const text = (value: string | null) => value || dash;

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'tier', label: t('customers.tier'), children: <TierTag tierId={c.tierId} pinned={c.tierPinned} /> },
        { key: 'owner', label: t('customers.owner'), children: c.ownerId ? (owner?.name ?? '…') : t('customers.inPool') },
        { key: 'team', label: t('customers.team'), children: c.teamId ? (teams.get(c.teamId)?.name ?? '…') : dash },
        {
          key: 'status',
          label: t('customers.status'),
          children: <Tag color={STATUS_COLORS[c.status]}>{t(`customers.statuses.${c.status}`)}</Tag>,
        },
        { key: 'industry', label: t('customers.industry'), children: text(c.industry) },
        { key: 'region', label: t('customers.region'), children: text(c.region) },
        { key: 'source', label: t('customers.source'), children: text(c.source) },
        { key: 'phone', label: t('customers.phone'), children: c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : dash },
        { key: 'email', label: t('customers.email'), children: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : dash },
        { key: 'address', label: t('customers.address'), children: text(c.address), span: { xs: 1, md: 2, xl: 3 } },
        {
          key: 'tags',
          label: t('customers.tags'),
          span: { xs: 1, md: 2, xl: 3 },
          children: c.tags.length ? c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : dash,
        },
        {
          key: 'lastContactAt',
          label: t('customers.lastContactAt'),
          children:
            // A contact is an activity (call, visit …), logged with 记录跟进 above: it moves this and the pool clock.
            c.lastContactAt ? formatDateTime(c.lastContactAt, i18n.language) : t('customers.neverContacted'),
        },
        { key: 'externalId', label: t('customers.externalId'), children: text(c.externalId) },
        { key: 'createdAt', label: t('customers.createdAt'), children: formatDateTime(c.createdAt, i18n.language) },
        { key: 'updatedAt', label: t('customers.updatedAt'), children: formatDateTime(c.updatedAt, i18n.language) },
      ]}
    />
  );
}
