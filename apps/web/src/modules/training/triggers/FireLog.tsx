import type { TTrainingTrigger, TTriggerFire } from '@tierline/contracts';
import { Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { periodLabel } from '../../performance/periods.ts';
import { OutcomeTag } from './RunTriggerModal.tsx';
import { formatFigure, sampleText } from './triggerRules.ts';
import { useTriggerFires } from './triggers.api.ts';

/**
 * 触发记录: every rep a trigger fired for — the period, the figure that fired it against the threshold, the sample it
 * was judged over, and whether the rep was enrolled or already had the course open. Newest first.
 */
export function FireLog({ triggers }: { triggers: TTrainingTrigger[] }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const [triggerId, setTriggerId] = useState<string | undefined>();
  const fires = useTriggerFires({ triggerId });
  const byId = new Map(triggers.map((tr) => [tr.id, tr]));
  // The figure is worded by the trigger's metric (a rate in percent); a trigger not loaded shows the figure as stored.
  const figure = (fire: TTriggerFire, value: string) => {
    const trigger = byId.get(fire.triggerId);
    return trigger ? formatFigure(trigger.metric, value, i18n.language) : value;
  };

  const columns = [
    { key: 'period', title: t('trainingPlans.fires.period'), render: (_: unknown, f: TTriggerFire) => periodLabel(f.period, t) },
    { key: 'rep', title: t('trainingPlans.fires.rep'), dataIndex: 'repName' },
    ...(triggerId
      ? []
      : [
          {
            key: 'trigger',
            title: t('trainingPlans.fires.trigger'),
            render: (_: unknown, f: TTriggerFire) => byId.get(f.triggerId)?.name ?? '…',
          },
        ]),
    { key: 'value', title: t('trainingPlans.fires.value'), render: (_: unknown, f: TTriggerFire) => figure(f, f.value) },
    { key: 'threshold', title: t('trainingPlans.fires.threshold'), render: (_: unknown, f: TTriggerFire) => figure(f, f.threshold) },
    {
      key: 'sample',
      title: t('trainingPlans.fires.sample'),
      render: (_: unknown, f: TTriggerFire) => sampleText(f.sample, t, i18n.language),
    },
    {
      key: 'outcome',
      title: t('trainingPlans.fires.outcome'),
      render: (_: unknown, f: TTriggerFire) => <OutcomeTag outcome={f.outcome} />,
    },
    {
      key: 'firedAt',
      title: t('trainingPlans.fires.firedAt'),
      render: (_: unknown, f: TTriggerFire) => formatDateTime(f.firedAt, i18n.language),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Select<string>
        allowClear
        aria-label={t('trainingPlans.fires.trigger')}
        placeholder={t('trainingPlans.fires.allTriggers')}
        value={triggerId}
        onChange={setTriggerId}
        options={triggers.map((tr) => ({ value: tr.id, label: tr.name }))}
        style={{ width: isPhone ? '100%' : 260 }}
      />
      <CursorTable<TTriggerFire>
        list={fires}
        columns={columns}
        locale={{ emptyText: t('trainingPlans.fires.empty') }}
        data-testid="fire-log"
      />
    </Flex>
  );
}
