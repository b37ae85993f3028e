import { Card, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { localName, type TDealDetail, usePipelines } from '../deals.api.ts';

type Visit = TDealDetail['stageHistory'][number];

/** Each stage the deal went through: when it entered and left, and the days it spent there. */
export function StageHistory({ deal }: { deal: TDealDetail }) {
  const { t, i18n } = useTranslation();
  const { stageById } = usePipelines();
  const lng = i18n.language;
  const perStage = new Map<string, number>();
  for (const v of deal.stageHistory) perStage.set(v.stageId, (perStage.get(v.stageId) ?? 0) + v.days);

  const columns: TableProps<Visit>['columns'] = [
    { key: 'stage', title: t('deals.stage'), render: (_, v) => localName(stageById.get(v.stageId), lng) },
    { key: 'entered', title: t('deals.history.entered'), render: (_, v) => formatDateTime(v.enteredAt, lng) },
    {
      key: 'left',
      title: t('deals.history.left'),
      // The next visit's entry says when this one ended; only wide screens repeat it.
      responsive: ['xxl'],
      render: (_, v) =>
        v.leftAt ? formatDateTime(v.leftAt, lng) : <Typography.Text type="success">{t('deals.history.current')}</Typography.Text>,
    },
    { key: 'days', title: t('deals.history.days'), align: 'right', render: (_, v) => formatNumber(v.days, lng, 1) },
  ];
  return (
    <Card size="small" title={t('deals.history.title')}>
      <Table<Visit>
        rowKey={(v) => `${v.stageId}@${v.enteredAt}`}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={deal.stageHistory}
        data-testid="stage-history"
      />
      {perStage.size > 1 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('deals.history.totals')}{' '}
          {[...perStage].map(([stageId, days]) => `${localName(stageById.get(stageId), lng)} ${formatNumber(days, lng, 1)}`).join(' · ')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
