import type { TAssignmentEntity } from '@tierline/contracts';
import { Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levelName } from '../../../shared/format.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { type PassedOverReason, reasonKey, sortCandidates, type TCandidate } from '../explanation.ts';

const PAGE_SIZE = 10;

/** Lost only on turn or load (blue), could not take it now (orange), not eligible under the rule (grey). */
const REASON_COLORS: Record<PassedOverReason | 'unknown', string | undefined> = {
  same_load_later_id: 'blue',
  higher_load: 'blue',
  not_next_in_turn: 'blue',
  at_capacity: 'orange',
  away: 'orange',
  outside_your_teams: undefined,
  wrong_team: undefined,
  wrong_level: undefined,
  inactive: undefined,
  unknown: undefined,
};

interface CandidatesTableProps {
  entity: TAssignmentEntity;
  candidates: readonly TCandidate[];
  chosen: string | null;
}

/**
 * Every rep the rules looked at, the chosen one first, with their load against capacity and why
 * they were passed over. An explanation lists every rep of the org, so it is paged, and names are
 * fetched only for the page on screen.
 */
export function CandidatesTable({ entity, candidates, chosen }: CandidatesTableProps) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = useMemo(() => sortCandidates(candidates, chosen), [candidates, chosen]);
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const users = useUsersById(visible.map((c) => c.userId));
  const levels = useLevels();

  const columns: TableProps<TCandidate>['columns'] = [
    {
      key: 'rep',
      title: t('assignment.explain.rep'),
      render: (_, c) => {
        const user = users.get(c.userId);
        return <Typography.Text strong={c.userId === chosen}>{user?.name ?? '…'}</Typography.Text>;
      },
    },
    {
      key: 'level',
      title: t('assignment.explain.level'),
      responsive: ['sm'],
      render: (_, c) => {
        const level = levels.byId.get(users.get(c.userId)?.levelId ?? '');
        return level ? levelName(level, i18n.language) : '—';
      },
    },
    {
      key: 'load',
      title: <Tooltip title={t(`assignment.explain.loadHints.${entity}`)}>{t('assignment.explain.load')}</Tooltip>,
      render: (_, c) => {
        const full = c.capacity !== null && c.load >= c.capacity;
        return (
          <Typography.Text type={full ? 'warning' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {c.load} / {c.capacity ?? t('assignment.explain.noLimit')}
          </Typography.Text>
        );
      },
    },
    {
      key: 'result',
      title: t('assignment.explain.result'),
      render: (_, c) => {
        if (c.userId === chosen) return <Tag color="green">{t('assignment.explain.chosen')}</Tag>;
        if (c.passedOver === undefined) return '—';
        const reason = reasonKey(c.passedOver);
        return (
          <Tag color={REASON_COLORS[reason]} data-reason={c.passedOver} style={{ whiteSpace: 'normal' }}>
            {t(`assignment.reasons.${reason}`)}
          </Tag>
        );
      },
    },
  ];

  return (
    <Table<TCandidate>
      rowKey="userId"
      size="small"
      columns={columns}
      dataSource={rows}
      data-testid="assignment-candidates"
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        onChange: setPage,
        hideOnSinglePage: true,
        showSizeChanger: false,
        size: 'small',
      }}
      locale={{ emptyText: t('assignment.explain.noCandidates') }}
    />
  );
}
