import { PlusOutlined, SlidersOutlined } from '@ant-design/icons';
import type { TLead } from '@tierline/contracts';
import { Button, Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite, LEAD_SCORING_ROLES } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { CreatedDuplicatesModal } from '../components/CreatedDuplicatesModal.tsx';
import { DuplicateIndicator } from '../components/DuplicateIndicator.tsx';
import { LeadFilters } from '../components/LeadFilters.tsx';
import { LeadFormModal } from '../components/LeadFormModal.tsx';
import { ScoreTag } from '../components/ScoreTag.tsx';
import { ScoringRulesDrawer } from '../components/ScoringRulesDrawer.tsx';
import { type LeadFilters as Filters, LEAD_STATUS_COLORS, type TLeadSort, type TLeadWithDuplicates, useLeadList } from '../leads.api.ts';

type SortKey = 'name' | 'score' | 'createdAt';
const DEFAULT_SORT: TLeadSort = '-createdAt';

/** 线索: the leads I may see — newest or best-scoring first — with their duplicates flagged. */
export function LeadsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [filters, setFilters] = useUrlFilters<{ [K in keyof Filters]?: string }>();
  const sort = (filters.sort ?? DEFAULT_SORT) as TLeadSort;
  const list = useLeadList({ ...(filters as Filters), sort });
  const owners = useUsersById(list.rows.map((l) => l.ownerId));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TLeadWithDuplicates | null>(null);
  const [editingRules, setEditingRules] = useState(false);

  const sortOrder = (key: SortKey): SortOrder => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);
  const onTableChange: TableProps<TLead>['onChange'] = (_p, _f, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey as SortKey | undefined;
    const next = key && one?.order ? ((one.order === 'descend' ? `-${key}` : key) as TLeadSort) : undefined;
    setFilters({ sort: next === DEFAULT_SORT ? undefined : next });
  };
  // A new lead without duplicates opens at once; with some, the user first decides what to do with them.
  const onCreated = (lead: TLeadWithDuplicates) => (lead.duplicates.length ? setCreated(lead) : navigate(`/leads/${lead.id}`));

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: TableProps<TLead>['columns'] = [
    {
      key: 'name',
      title: t('leads.fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (name: string, l) => (
        <Space size={4} wrap>
          <Link to={`/leads/${l.id}`} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          <DuplicateIndicator lead={l} />
        </Space>
      ),
    },
    { key: 'company', title: t('leads.fields.company'), dataIndex: 'company', responsive: ['sm'], render: (v) => v ?? dash },
    {
      key: 'score',
      title: t('leads.fields.score'),
      sorter: true,
      // Best leads first is what one sorts by score for.
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrder('score'),
      render: (_, l) => <ScoreTag lead={l} />,
    },
    {
      key: 'status',
      title: t('leads.fields.status'),
      dataIndex: 'status',
      render: (status: TLead['status']) => <Tag color={LEAD_STATUS_COLORS[status]}>{t(`leads.statuses.${status}`)}</Tag>,
    },
    {
      key: 'owner',
      title: t('leads.fields.owner'),
      dataIndex: 'ownerId',
      responsive: ['md'],
      render: (ownerId: string | null) =>
        ownerId ? (owners.get(ownerId)?.name ?? '…') : <Tag color="orange">{t('leads.unassigned')}</Tag>,
    },
    { key: 'source', title: t('leads.fields.source'), dataIndex: 'source', responsive: ['lg'], render: (v) => v ?? dash },
    { key: 'email', title: t('leads.fields.email'), dataIndex: 'email', responsive: ['xl'], render: (v) => v ?? dash },
    {
      key: 'createdAt',
      title: t('leads.fields.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['md'],
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (at: string) => formatDateTime(at, i18n.language),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        extra={
          <Space wrap>
            <ExportButton list="leads" filters={{ ...filters, sort }} />
            {LEAD_SCORING_ROLES.includes(user.role) && (
              <Button icon={<SlidersOutlined />} onClick={() => setEditingRules(true)}>
                {t('leadScoring.title')}
              </Button>
            )}
            {canWrite(user.role) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('leads.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <LeadFilters filters={filters as Filters} onChange={(patch) => setFilters(patch as Record<string, string | undefined>)} />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={list.refetch} />
        ) : (
          <>
            <Table<TLead>
              rowKey="id"
              columns={columns}
              dataSource={list.rows}
              loading={list.isPending}
              pagination={false}
              onChange={onTableChange}
              onRow={(l) => ({ onClick: () => navigate(`/leads/${l.id}`), style: { cursor: 'pointer' } })}
              // A phone shows name, score and status, wrapping long names instead of scrolling sideways.
              scroll={isPhone ? undefined : { x: 'max-content' }}
              size="middle"
            />
            <LoadMore
              count={list.rows.length}
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
            />
          </>
        )}
      </Card>
      <LeadFormModal open={creating} lead={null} onClose={() => setCreating(false)} onCreated={onCreated} />
      <CreatedDuplicatesModal created={created} onClose={() => setCreated(null)} />
      {LEAD_SCORING_ROLES.includes(user.role) && <ScoringRulesDrawer open={editingRules} onClose={() => setEditingRules(false)} />}
    </>
  );
}
