import type { TStageSnapshot } from '@tierline/contracts';
import { Empty, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { DealsDrawer, type DealsFilter } from '../../analytics/components/DealsDrawer.tsx';
import { money } from '../../analytics/figures.ts';
import { nameIn, type PipelineStages, pipelinesWithDeals, stageBarsOption } from '../dashboard.charts.ts';

interface StageBarsProps {
  rows: TStageSnapshot[];
  /** Whose deals the bars count, in the deals list's terms (ownerId for a rep, teamId for a team). */
  scope: Pick<DealsFilter, 'ownerId' | 'teamId'>;
}

/** Open deals per stage, a bar chart per pipeline with deals; a click on a stage opens its deals. */
export function StageBars({ rows, scope }: StageBarsProps) {
  const { t, i18n } = useTranslation();
  const groups = useMemo(() => pipelinesWithDeals(rows, i18n.language), [rows, i18n.language]);
  const [open, setOpen] = useState<{ filter: DealsFilter; title: string } | null>(null);
  if (!groups.length) return <Empty description={t('dashboard.rep.noPipeline')} />;
  return (
    <Flex vertical gap={16}>
      {groups.map((group) => (
        <PipelineBars
          key={group.pipelineId}
          group={group}
          showName={groups.length > 1}
          onStage={(stage) =>
            setOpen({
              filter: { ...scope, pipelineId: stage.pipelineId, stageId: stage.stageId, status: 'open' },
              title: t('dashboard.chart.stageDeals', { stage: nameIn(stage.stageNameZh, stage.stageNameEn, i18n.language) }),
            })
          }
        />
      ))}
      <DealsDrawer filter={open?.filter ?? null} title={open?.title ?? ''} onClose={() => setOpen(null)} />
    </Flex>
  );
}

function PipelineBars({ group, showName, onStage }: { group: PipelineStages; showName: boolean; onStage: (s: TStageSnapshot) => void }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const lng = i18n.language;
  const option = useMemo(
    () =>
      stageBarsOption(
        group.stages,
        lng,
        {
          amount: t('dashboard.chart.amount'),
          weighted: t('dashboard.chart.weighted'),
          deals: (count) => t('dashboard.chart.deals', { count }),
        },
        (v) => money(v, lng, true),
        isPhone,
      ),
    [group, lng, t, isPhone],
  );
  return (
    <div>
      {showName && <Typography.Text strong>{group.name}</Typography.Text>}
      <Chart
        option={option}
        height={Math.max(160, group.stages.length * 44 + 48)}
        label={t('dashboard.chart.stagesLabel', { pipeline: group.name })}
        testId={`stage-bars-${group.processType}`}
        onItemClick={({ dataIndex }) => {
          const stage = group.stages[dataIndex];
          if (stage) onStage(stage);
        }}
      />
    </div>
  );
}
