import type { TCalibratedForecastRep, TPastForecast } from '@tierline/contracts';
import { Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { periodLabel } from '../../performance/periods.ts';
import { formatPercent, money } from '../figures.ts';
import { explainCalibration } from './calibration.ts';

/**
 * 计算过程 of one rep: their past forecasts (what they committed against what they won, and the accuracy of each),
 * then the calibration step by step with their numbers.
 */
export function CalibrationDetail({ rep }: { rep: TCalibratedForecastRep }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // A phone shows the past amounts compact (¥74.3万) so the four columns fit; the steps below keep them exact.
  const isPhone = useIsPhone();
  const columns: TableProps<TPastForecast>['columns'] = [
    { key: 'period', title: t('analyticsPipeline.calibrated.history.period'), render: (_, h) => periodLabel(h.period, t) },
    {
      key: 'committed',
      title: t('analyticsPipeline.calibrated.history.committed'),
      align: 'right',
      render: (_, h) => money(h.committed, lng, isPhone),
    },
    { key: 'won', title: t('analyticsPipeline.calibrated.history.won'), align: 'right', render: (_, h) => money(h.won, lng, isPhone) },
    {
      key: 'accuracy',
      title: t('analyticsPipeline.calibrated.history.accuracy'),
      align: 'right',
      render: (_, h) => formatPercent(h.accuracy, lng, 2),
    },
  ];
  return (
    <Flex vertical gap={8} data-testid="calibration-detail" style={{ maxWidth: 760 }}>
      <Typography.Text strong>{t('analyticsPipeline.calibrated.history.title')}</Typography.Text>
      {rep.history.length > 0 ? (
        <Table<TPastForecast>
          rowKey="period"
          size="small"
          columns={columns}
          dataSource={rep.history}
          pagination={false}
          data-testid="calibration-history"
        />
      ) : (
        <Typography.Text type="secondary">{t('analyticsPipeline.calibrated.history.none')}</Typography.Text>
      )}
      <Typography.Text strong>{t('analyticsPipeline.calibrated.how')}</Typography.Text>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {explainCalibration(rep, t, lng).map((line) => (
          <li key={line} data-testid="calibration-step" style={{ overflowWrap: 'anywhere' }}>
            {line}
          </li>
        ))}
      </ol>
    </Flex>
  );
}
