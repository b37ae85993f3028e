import { PlusOutlined } from '@ant-design/icons';
import type { TDeal } from '@tierline/contracts';
import { Button, Flex, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { DealFormModal } from '../components/DealFormModal.tsx';
import { KanbanColumn } from '../components/KanbanColumn.tsx';
import { useDealMoveFlow } from '../components/useDealMoveFlow.tsx';
import { boardStages, localName, usePipelines } from '../deals.api.ts';

const PROCESS_ORDER = { short: 0, long: 1, project: 2 } as const;

/** 商机: a kanban board per pipeline; drag a deal to another stage, and the stage's gate decides. */
export function DealsBoardPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const pipelines = usePipelines();
  const [{ pipeline: processType }, setUrl] = useUrlFilters<{ pipeline?: string }>();
  const [dragged, setDragged] = useState<TDeal | null>(null);
  const [creating, setCreating] = useState(false);
  const { requestMove, modals } = useDealMoveFlow();
  const isPhone = useIsPhone();

  if (pipelines.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (pipelines.isError) return <LoadError error={pipelines.error} onRetry={pipelines.refetch} />;
  const ordered = [...pipelines.pipelines].sort((a, b) => PROCESS_ORDER[a.processType] - PROCESS_ORDER[b.processType]);
  const pipeline = ordered.find((p) => p.processType === processType) ?? ordered[0];
  if (!pipeline) return <Typography.Text>{t('deals.noPipelines')}</Typography.Text>;
  const stages = boardStages(pipeline);
  const writer = canWrite(user.role);

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        extra={
          <Space wrap>
            <ExportButton list="deals" filters={{ pipelineId: pipeline.id }} />
            {writer && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('deals.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={pipeline.processType}
          onChange={(value) => setUrl({ pipeline: value === 'short' ? undefined : value })}
          options={ordered.map((p) => ({ value: p.processType, label: localName(p, i18n.language) }))}
          data-testid="pipeline-switch"
        />
        {writer && <Typography.Text type="secondary">{isPhone ? t('deals.menuHint') : t('deals.dragHint')}</Typography.Text>}
      </Flex>
      <div style={{ overflowX: 'auto', paddingBottom: 8, scrollSnapType: 'x proximity' }} data-testid="kanban">
        <Flex gap={12} align="flex-start">
          {stages.map((stage) => (
            <KanbanColumn
              key={stage.id}
              pipelineId={pipeline.id}
              stage={stage}
              stages={stages}
              canMove={writer}
              dragged={dragged}
              onDragStart={setDragged}
              onDragEnd={() => setDragged(null)}
              onMove={(deal, target) => {
                setDragged(null);
                requestMove(deal, target);
              }}
            />
          ))}
        </Flex>
      </div>
      {modals}
      <DealFormModal open={creating} deal={null} pipelineId={pipeline.id} onClose={() => setCreating(false)} />
    </>
  );
}
