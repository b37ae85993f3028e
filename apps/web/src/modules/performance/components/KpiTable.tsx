import type { TScorecard, TScorecardKpi } from '@tierline/contracts';
import { Button, Flex, Progress, Table, type TableProps, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { attainmentColor } from '../charts.ts';
import { type HowSectionId, inScheme } from '../computation.ts';
import { formatKpiValue, formatPercent, formatScore, kpiLabel } from '../kpis.ts';
import { HowLink } from './HowLink.tsx';

const SOURCE_COLORS: Record<TScorecardKpi['targetSource'], string> = {
  rep: 'blue',
  team: 'geekblue',
  level: 'purple',
  members: 'cyan',
  none: 'default',
};

/** KPI 明细: per KPI the actual, the target and where it came from, attainment, weights and points. */
export function KpiTable({ card, onHow }: { card: TScorecard; onHow: (section: HowSectionId) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const [showAll, setShowAll] = useState(false);
  const scheme = card.kpis.filter(inScheme);
  const others = card.kpis.filter((k) => !inScheme(k));
  const colors = {
    met: token.colorSuccess,
    near: token.colorPrimary,
    below: token.colorWarning,
    cap: token.colorError,
    text: token.colorText,
  };

  const columns: TableProps<TScorecardKpi>['columns'] = [
    {
      key: 'kpi',
      title: t('performance.card.kpi'),
      render: (_, k) => <Typography.Text strong>{kpiLabel(k.kpi, t)}</Typography.Text>,
    },
    {
      key: 'actual',
      title: t('performance.card.actual'),
      align: 'right',
      render: (_, k) => <span data-testid="kpi-actual">{formatKpiValue(k.kpi, k.actual, lng, isPhone)}</span>,
    },
    {
      key: 'target',
      title: t('performance.card.target'),
      align: 'right',
      render: (_, k) =>
        !inScheme(k) && k.target === null ? (
          <Typography.Text type="secondary">{t('performance.card.notInScheme')}</Typography.Text>
        ) : k.target === null ? (
          <Typography.Text type="secondary">{t('performance.card.noTarget')}</Typography.Text>
        ) : (
          <Flex vertical align="flex-end" gap={2}>
            <span>{formatKpiValue(k.kpi, k.target, lng, isPhone)}</span>
            {!isPhone && (
              <Tag color={SOURCE_COLORS[k.targetSource]} style={{ marginInlineEnd: 0, fontSize: 11 }}>
                {t(`performance.targetSources.${k.targetSource}`)}
              </Tag>
            )}
          </Flex>
        ),
    },
    {
      key: 'attainment',
      title: t('performance.card.attainment'),
      width: isPhone ? undefined : 150,
      align: isPhone ? 'right' : undefined,
      render: (_, k) =>
        k.attainment === null ? (
          '—'
        ) : (
          <Flex vertical gap={0}>
            <span data-testid="kpi-attainment">{formatPercent(k.attainment, lng)}</span>
            {!isPhone && (
              <Progress
                percent={Math.min(100, (k.attainment / card.attainmentCap) * 100)}
                showInfo={false}
                size="small"
                strokeColor={attainmentColor(k.attainment, colors)}
                aria-hidden
              />
            )}
          </Flex>
        ),
    },
    { key: 'weight', title: t('performance.card.weight'), align: 'right', dataIndex: 'weight', responsive: ['md'] },
    {
      key: 'effectiveWeight',
      title: t('performance.card.effectiveWeight'),
      align: 'right',
      responsive: ['sm'],
      render: (_, k) => (k.target === null ? '—' : formatScore(k.effectiveWeight, lng)),
    },
    {
      key: 'points',
      title: t('performance.card.points'),
      align: 'right',
      render: (_, k) =>
        inScheme(k) ? (
          <HowLink section={`kpi:${k.kpi}`} onOpen={onHow} what={kpiLabel(k.kpi, t)} testId={`how-open-kpi-${k.kpi}`}>
            {k.target === null ? '—' : formatScore(k.points, lng)}
          </HowLink>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Table<TScorecardKpi>
      rowKey="kpi"
      size="middle"
      columns={columns}
      dataSource={showAll ? [...scheme, ...others] : scheme}
      footer={
        others.length > 0
          ? () => (
              <Button type="link" size="small" onClick={() => setShowAll((v) => !v)} data-testid="kpi-show-all">
                {showAll ? t('performance.card.hideOthers') : t('performance.card.showOthers', { count: others.length })}
              </Button>
            )
          : undefined
      }
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="kpi-table"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t('performance.card.quantitative')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} colSpan={99} align="right">
            <HowLink section="quantitative" onOpen={onHow} what={t('performance.card.quantitative')}>
              <Typography.Text strong>{formatScore(card.quantitativeScore, lng, 1)}</Typography.Text>
            </HowLink>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
