import type { TScorecard } from '@tierline/contracts';
import { Empty, Rate, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { criterionLabel, type HowSectionId } from '../computation.ts';
import { formatScore } from '../kpis.ts';
import { HowLink } from './HowLink.tsx';

type Criterion = TScorecard['criteria'][number];

/** 定性评价: the criteria of the level's scheme with the manager's ratings (1–5) and comments. */
export function CriteriaTable({ card, onHow }: { card: TScorecard; onHow: (section: HowSectionId) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const columns: TableProps<Criterion>['columns'] = [
    { key: 'key', title: t('performance.card.criterion'), render: (_, c) => criterionLabel(c.key, t) },
    { key: 'weight', title: t('performance.card.weight'), dataIndex: 'weight', align: 'right' },
    {
      key: 'score',
      title: t('performance.card.score'),
      render: (_, c) =>
        c.score === null ? (
          <Typography.Text type="secondary">{t('performance.card.notRated')}</Typography.Text>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Rate disabled value={c.score} style={{ fontSize: 14 }} /> <span data-testid="criterion-score">{c.score}/5</span>
          </span>
        ),
    },
    {
      key: 'comment',
      title: t('performance.card.comment'),
      responsive: ['md'],
      render: (_, c) => (
        <Typography.Text type={c.comment ? undefined : 'secondary'} ellipsis={{ tooltip: c.comment }} style={{ maxWidth: 320 }}>
          {c.comment ?? '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'points',
      title: t('performance.card.points'),
      align: 'right',
      render: (_, c) => (
        <HowLink section="qualitative" onOpen={onHow} what={t('performance.card.qualitative')}>
          {formatScore(c.points, lng)}
        </HowLink>
      ),
    },
  ];
  if (card.qualitativeScore === null && card.criteria.every((c) => c.score === null))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.card.noReview')} />;
  return (
    <Table<Criterion>
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={card.criteria}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="criteria-table"
    />
  );
}
