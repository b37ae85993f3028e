import { Card, Collapse, Empty, Flex, Statistic, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, toCents } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLevelName } from '../../levels/levels.api.ts';
import { CURRENCY, formatPercent } from '../../performance/kpis.ts';
import { statementsSummary } from '../commissionMath.ts';
import type { TCommissionStatement } from '../commissions.api.ts';
import { StatementLines } from './StatementLines.tsx';

/** The rate a statement applied and why: the level's base rate, or an accelerator reached. */
function RateCell({ s }: { s: TCommissionStatement }) {
  const { t, i18n } = useTranslation();
  if (!s.planId) return <Tag>{t('commissions.noPlan')}</Tag>;
  return (
    <Flex gap={6} align="center" wrap>
      <span>{formatPercent(s.rate, i18n.language)}</span>
      {s.acceleratorMinAttainment !== null ? (
        <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="commission-accelerator">
          {t('commissions.accelerator', { min: formatPercent(s.acceleratorMinAttainment, i18n.language) })}
        </Tag>
      ) : (
        <Tag style={{ marginInlineEnd: 0 }}>{t('commissions.baseRate')}</Tag>
      )}
    </Flex>
  );
}

/** Attainment of the payments-collected target; without a target there is none to show (and no accelerator). */
function AttainmentCell({ s }: { s: TCommissionStatement }) {
  const { t, i18n } = useTranslation();
  if (s.attainment === null) return <Typography.Text type="secondary">{t('commissions.noTarget')}</Typography.Text>;
  return (
    <Tooltip title={t('commissions.targetTip', { target: formatMoney(s.target, CURRENCY, i18n.language) })}>
      <span>{formatPercent(s.attainment, i18n.language, 1)}</span>
    </Tooltip>
  );
}

/** 提成明细: per rep the level, plan rate, attainment, accelerator and total; a rep expands to the payments. */
export function StatementsTable({ statements, loading }: { statements: TCommissionStatement[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const levelName = useLevelName();
  const lng = i18n.language;
  const money = (v: string | number) => formatMoney(v, CURRENCY, lng);
  const summary = statementsSummary(statements);

  const columns: TableProps<TCommissionStatement>['columns'] = [
    { key: 'name', title: t('commissions.rep'), dataIndex: 'name' },
    { key: 'level', title: t('commissions.level'), render: (_, s) => levelName(s.levelId) },
    {
      key: 'payments',
      title: t('commissions.paymentsCollected'),
      align: 'right',
      sorter: (a, b) => toCents(a.paymentsCollected) - toCents(b.paymentsCollected),
      render: (_, s) => money(s.paymentsCollected),
    },
    { key: 'attainment', title: t('commissions.attainment'), align: 'right', render: (_, s) => <AttainmentCell s={s} /> },
    { key: 'rate', title: t('commissions.rate'), render: (_, s) => <RateCell s={s} /> },
    {
      key: 'total',
      title: t('commissions.total'),
      align: 'right',
      // Who earned most first: the rows a director reads; the rest can be sorted by any money column.
      defaultSortOrder: 'descend',
      sorter: (a, b) => toCents(a.total) - toCents(b.total),
      render: (_, s) => (
        <Typography.Text strong data-testid="commission-total">
          {money(s.total)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={isPhone ? 16 : 48} wrap>
        <Statistic title={t('commissions.summary.payments')} value={money(summary.paymentsCents / 100)} />
        <Statistic title={t('commissions.summary.total')} value={money(summary.totalCents / 100)} />
        <Statistic title={t('commissions.summary.earning')} value={`${summary.earning} / ${statements.length}`} />
      </Flex>
      {isPhone ? (
        statements.length === 0 && !loading ? (
          <Empty description={t('commissions.empty')} />
        ) : (
          <Collapse
            data-testid="commission-statements"
            items={[...statements]
              .sort((a, b) => toCents(b.total) - toCents(a.total))
              .map((s) => ({
                key: s.repId,
                label: (
                  <Flex justify="space-between" gap={8}>
                    <span>
                      {s.name} <Typography.Text type="secondary">· {levelName(s.levelId)}</Typography.Text>
                    </span>
                    <Typography.Text strong>{money(s.total)}</Typography.Text>
                  </Flex>
                ),
                children: (
                  <Flex vertical gap={12}>
                    <Flex gap={16} wrap>
                      <span>
                        {t('levelEvaluation.labelled', { label: t('commissions.paymentsCollected') })}
                        {money(s.paymentsCollected)}
                      </span>
                      <span>
                        {t('levelEvaluation.labelled', { label: t('commissions.attainment') })}
                        <AttainmentCell s={s} />
                      </span>
                    </Flex>
                    <RateCell s={s} />
                    <StatementLines statement={s} />
                  </Flex>
                ),
              }))}
          />
        )
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<TCommissionStatement>
            rowKey="repId"
            columns={columns}
            dataSource={statements}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            size="middle"
            locale={{ emptyText: <Empty description={t('commissions.empty')} /> }}
            expandable={{ expandedRowRender: (s) => <StatementLines statement={s} />, rowExpandable: () => true }}
            data-testid="commission-statements"
          />
        </Card>
      )}
    </Flex>
  );
}
