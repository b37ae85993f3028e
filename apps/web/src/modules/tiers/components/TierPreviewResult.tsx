import { ArrowRightOutlined } from '@ant-design/icons';
import type { TTierSummary } from '@tierline/contracts';
import { Card, Col, Flex, Row, Statistic, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../shared/format.ts';
import { explanationText } from '../tierExplain.ts';
import { countsBefore } from '../tierRulesDraft.ts';
import { TierTag } from './TierTag.tsx';

type TierRow = TTierSummary['tiers'][number];
type Move = TTierSummary['moves'][number];
type Sample = TTierSummary['sample'][number];

/** What rules would do (a preview) or did (a recompute): counts per tier, the moves, and customers that move. */
export function TierPreviewResult({ summary, applied = false }: { summary: TTierSummary; applied?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const before = countsBefore(summary.tiers, summary.moves);

  const tierColumns: TableProps<TierRow>['columns'] = [
    { key: 'tier', title: t('tiers.preview.tier'), render: (_, r) => <TierTag tierId={r.tierId} /> },
    {
      key: 'before',
      title: applied ? t('tiers.preview.beforeApplied') : t('tiers.preview.before'),
      align: 'right',
      render: (_, r) => before.get(r.tierId) ?? 0,
    },
    { key: 'after', title: applied ? t('tiers.preview.afterApplied') : t('tiers.preview.after'), align: 'right', dataIndex: 'count' },
    {
      key: 'delta',
      title: t('tiers.preview.delta'),
      align: 'right',
      render: (_, r) => {
        const delta = r.count - (before.get(r.tierId) ?? 0);
        return (
          <Typography.Text type={delta > 0 ? 'success' : delta < 0 ? 'danger' : 'secondary'}>
            {delta > 0 ? `+${delta}` : delta}
          </Typography.Text>
        );
      },
    },
    {
      key: 'sum',
      title: t('tiers.preview.metricSum'),
      align: 'right',
      responsive: ['sm'],
      render: (_, r) => formatNumber(r.metricSum, lng),
    },
  ];
  const moveColumns: TableProps<Move>['columns'] = [
    {
      key: 'move',
      title: t('tiers.preview.move'),
      render: (_, m) => (
        <Flex align="center" gap={4}>
          <TierTag tierId={m.fromTierId} />
          <ArrowRightOutlined />
          <TierTag tierId={m.toTierId} />
        </Flex>
      ),
    },
    { key: 'count', title: t('tiers.preview.customers'), align: 'right', dataIndex: 'count' },
  ];
  const sampleColumns: TableProps<Sample>['columns'] = [
    { key: 'name', title: t('customers.name'), render: (_, s) => <Link to={`/customers/${s.customerId}`}>{s.name}</Link> },
    {
      key: 'move',
      title: t('tiers.preview.move'),
      render: (_, s) => (
        <Flex align="center" gap={4}>
          <TierTag tierId={s.fromTierId} />
          <ArrowRightOutlined />
          <TierTag tierId={s.toTierId} />
        </Flex>
      ),
    },
    {
      key: 'why',
      title: t('tiers.preview.why'),
      render: (_, s) =>
        explanationText(s.explanation, t, lng).map((line) => (
          <Typography.Text key={line} type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {line}
          </Typography.Text>
        )),
    },
  ];

  const figures = [
    { key: 'customers', title: t('tiers.preview.totalCustomers'), value: summary.customers },
    { key: 'ranked', title: t('tiers.preview.ranked'), value: summary.ranked },
    { key: 'pinned', title: t('tiers.preview.pinned'), value: summary.pinned },
    { key: 'changed', title: applied ? t('tiers.preview.changedApplied') : t('tiers.preview.changed'), value: summary.changed },
  ];
  return (
    <Flex vertical gap={12} data-testid="tier-preview">
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={f.title} value={f.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xxl={14}>
          <Card size="small" title={t('tiers.preview.perTier')}>
            <Table<TierRow>
              rowKey="tierId"
              size="small"
              pagination={false}
              columns={tierColumns}
              dataSource={summary.tiers}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card size="small" title={t('tiers.preview.moves')}>
            <Table<Move>
              rowKey={(m) => `${m.fromTierId}>${m.toTierId}`}
              size="small"
              pagination={false}
              columns={moveColumns}
              dataSource={summary.moves}
              locale={{ emptyText: t('tiers.preview.noMoves') }}
            />
          </Card>
        </Col>
      </Row>
      {summary.sample.length > 0 && (
        <Card size="small" title={t('tiers.preview.sample', { n: summary.sample.length })}>
          <Table<Sample>
            rowKey="customerId"
            size="small"
            pagination={false}
            columns={sampleColumns}
            dataSource={summary.sample}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
    </Flex>
  );
}
