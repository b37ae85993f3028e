import type { TScorecard } from '@tierline/contracts';
import { Empty, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatKpiValue, formatPercent, formatScore, KEY_KPIS, kpiLabel } from '../kpis.ts';
import { GradeBadge } from './GradeBadge.tsx';

interface TeamMembersTableProps {
  /** The team's reps' scorecards, as GET /scorecards?teamId= gives them after the team's own. */
  cards: readonly TScorecard[];
  loading: boolean;
  onOpen: (repId: string) => void;
}

/** 团队成员: each member's total, grade, whether the review is in, and the key KPIs; a row opens the member's scorecard. */
export function TeamMembersTable({ cards, loading, onOpen }: TeamMembersTableProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rows = [...cards].sort((a, b) => b.total - a.total || a.subject.name.localeCompare(b.subject.name));

  const kpiColumn = (kpi: (typeof KEY_KPIS)[number]): NonNullable<TableProps<TScorecard>['columns']>[number] => ({
    key: kpi,
    title: kpiLabel(kpi, t),
    align: 'right',
    responsive: kpi === 'revenueWon' ? ['sm'] : ['lg'],
    render: (_, card) => {
      const line = card.kpis.find((k) => k.kpi === kpi);
      if (!line) return '—';
      return (
        <Flex vertical align="flex-end" gap={0}>
          <span>{formatKpiValue(kpi, line.actual, lng)}</span>
          {line.attainment !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatPercent(line.attainment, lng)}
            </Typography.Text>
          )}
        </Flex>
      );
    },
  });

  const columns: TableProps<TScorecard>['columns'] = [
    {
      key: 'name',
      title: t('performance.team.member'),
      render: (_, card) => (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            onOpen(card.subject.id);
          }}
          aria-label={t('performance.team.openMember', { name: card.subject.name })}
        >
          {card.subject.name}
        </Typography.Link>
      ),
    },
    { key: 'total', title: t('performance.card.total'), align: 'right', render: (_, card) => formatScore(card.total, lng, 1) },
    { key: 'grade', title: t('performance.card.grade'), align: 'center', render: (_, card) => <GradeBadge grade={card.grade} /> },
    {
      key: 'complete',
      title: t('performance.team.complete'),
      responsive: ['md'],
      render: (_, card) => (
        <Tag color={card.complete ? 'green' : 'orange'}>
          {card.complete ? t('performance.team.completeYes') : t('performance.team.completeNo')}
        </Tag>
      ),
    },
    ...KEY_KPIS.map(kpiColumn),
  ];

  return (
    <Table<TScorecard>
      rowKey={(card) => card.subject.id}
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      onRow={(card) => ({ onClick: () => onOpen(card.subject.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.team.noMembers')} /> }}
      data-testid="team-members"
    />
  );
}
