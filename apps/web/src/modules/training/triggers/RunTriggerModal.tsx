import type { TTrainingTrigger, TTriggerFire } from '@tierline/contracts';
import { Alert, App, Button, Flex, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useShowError } from '../../../shared/errors.ts';
import { PeriodSelect } from '../../levels/components/PeriodSelect.tsx';
import { periodLabel } from '../../performance/periods.ts';
import { formatFigure, lastClosedPeriod, sampleText } from './triggerRules.ts';
import { type TTriggerRunResult, useRunTrigger } from './triggers.api.ts';

const RUN_REFUSALS = ['period_not_closed', 'period_kind_mismatch', 'course_inactive'] as const;
type RunRefusal = (typeof RUN_REFUSALS)[number];
const isRunRefusal = (code: string): code is RunRefusal => (RUN_REFUSALS as readonly string[]).includes(code);

interface RunTriggerModalProps {
  /** Rendered per trigger (keyed by its id), so each opening starts afresh. */
  trigger: TTrainingTrigger;
  onClose: () => void;
}

/**
 * 按周期运行: evaluates one closed period of the trigger's kind now (the job does only the latest, and only periods
 * closed after the trigger was made), and shows the reps it fired for with their figures.
 */
export function RunTriggerModal({ trigger, onClose }: RunTriggerModalProps) {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const { message } = App.useApp();
  const run = useRunTrigger();
  const [period, setPeriod] = useState(() => lastClosedPeriod(trigger.periodKind));
  const [result, setResult] = useState<TTriggerRunResult | null>(null);

  const start = async () => {
    try {
      setResult(await run.mutateAsync({ id: trigger.id, period }));
    } catch (error) {
      // The usual refusals in the UI language; anything else as the server words it.
      const code = isApiError(error, 422) ? error.code : null;
      if (code && isRunRefusal(code)) void message.error(t(`trainingPlans.triggers.run.refused.${code}`));
      else showError(error);
    }
  };

  const columns = [
    { key: 'rep', title: t('trainingPlans.fires.rep'), dataIndex: 'repName' },
    {
      key: 'value',
      title: t('trainingPlans.fires.value'),
      render: (_: unknown, fire: TTriggerFire) => formatFigure(trigger.metric, fire.value, i18n.language),
    },
    {
      key: 'sample',
      title: t('trainingPlans.fires.sample'),
      render: (_: unknown, fire: TTriggerFire) => sampleText(fire.sample, t, i18n.language),
    },
    {
      key: 'outcome',
      title: t('trainingPlans.fires.outcome'),
      render: (_: unknown, fire: TTriggerFire) => <OutcomeTag outcome={fire.outcome} />,
    },
  ];

  return (
    <Modal
      open
      title={t('trainingPlans.triggers.run.title', { name: trigger.name })}
      onCancel={onClose}
      width={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" loading={run.isPending} onClick={start} data-testid="trigger-run-start">
            {t('trainingPlans.triggers.run.start')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12} data-testid="trigger-run">
        <Typography.Text type="secondary">{t('trainingPlans.triggers.run.intro')}</Typography.Text>
        <PeriodSelect
          value={period}
          onChange={(next) => {
            setPeriod(next);
            setResult(null);
          }}
          kinds={[trigger.periodKind]}
          testId="trigger-run-period"
        />
        {result && (
          <>
            <Alert
              type={result.ran ? (result.fired.length > 0 ? 'warning' : 'success') : 'info'}
              showIcon
              title={
                result.ran
                  ? t('trainingPlans.triggers.run.done', {
                      period: periodLabel(result.period, t),
                      evaluated: result.evaluated,
                      count: result.fired.length,
                    })
                  : t('trainingPlans.triggers.run.alreadyRun', { period: periodLabel(result.period, t) })
              }
              data-testid="trigger-run-result"
            />
            {result.fired.length > 0 && (
              <Table<TTriggerFire> rowKey="id" size="small" pagination={false} columns={columns} dataSource={result.fired} />
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}

/** 已报名 / 已在学. */
export function OutcomeTag({ outcome }: { outcome: TTriggerFire['outcome'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={outcome === 'enrolled' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`trainingPlans.fires.outcomes.${outcome}`)}
    </Tag>
  );
}
