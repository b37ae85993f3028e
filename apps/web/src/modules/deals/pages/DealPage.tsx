import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { LogActivityButton } from '../../activities/components/LogActivityButton.tsx';
import { Timeline } from '../../activities/components/Timeline.tsx';
import { AssignmentExplainPanel } from '../../assignment/components/AssignmentExplainPanel.tsx';
import { AutoAssignButton } from '../../assignment/components/AutoAssignButton.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { DealContractsCard } from '../../contracts/components/DealContractsCard.tsx';
import { DealContactsCard } from '../components/DealContactsCard.tsx';
import { DealFormModal } from '../components/DealFormModal.tsx';
import { DealLinesCard } from '../components/DealLinesCard.tsx';
import { DealOverview } from '../components/DealOverview.tsx';
import { ProjectTimeline } from '../components/ProjectTimeline.tsx';
import { StageHistory } from '../components/StageHistory.tsx';
import { useDealMoveFlow } from '../components/useDealMoveFlow.tsx';
import { boardStages, localName, useDeal, usePipelines } from '../deals.api.ts';

const KIND_COLORS = { open: 'blue', won: 'green', lost: 'red' } as const;

/** 商机详情: the deal's figures, stage history, buying committee, products, and a project's milestones and tasks. */
export function DealPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const deal = useDeal(id);
  const { byId, stageById } = usePipelines();
  const { requestMove, modals, isMoving } = useDealMoveFlow({ onDealPage: true });
  const [editing, setEditing] = useState(false);
  const lng = i18n.language;

  if (deal.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (deal.isError) return isApiError(deal.error, 404) ? <NotFoundPage /> : <LoadError error={deal.error} onRetry={deal.refetch} />;
  const d = deal.data;
  const pipeline = byId.get(d.pipelineId);
  const stage = stageById.get(d.stageId);
  const stages = boardStages(pipeline);
  const writer = canWrite(user.role) && d.deletedAt === null;
  const isProject = pipeline?.processType === 'project' || d.milestones.length > 0 || d.tasks.length > 0;

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
        {t('common.back')}
      </Button>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="deal-name">
            {d.name}
          </Typography.Title>
          <Space wrap size={4}>
            <Tag>{localName(pipeline, lng)}</Tag>
            {stage && (
              <Tag color={KIND_COLORS[stage.kind]} data-testid="deal-stage">
                {localName(stage, lng)}
              </Tag>
            )}
          </Space>
        </div>
        {writer && (
          <Space wrap>
            <Select
              value={d.stageId}
              onChange={(stageId) => {
                const target = stageById.get(stageId);
                if (target) requestMove(d, target);
              }}
              loading={isMoving}
              options={stages.map((s) => ({ value: s.id, label: `${localName(s, lng)} · ${s.probability}%` }))}
              style={{ minWidth: 180 }}
              aria-label={t('deals.moveTo')}
              data-testid="deal-stage-select"
            />
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <AutoAssignButton entity="deal" id={d.id} />
            <LogActivityButton dealId={d.id} customerId={d.customerId} />
          </Space>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <DealOverview deal={d} />
            <DealLinesCard deal={d} editable={writer} />
            {isProject && <ProjectTimeline deal={d} editable={writer} />}
            <Card size="small" title={t('activities.timeline.title')}>
              {/* A stage move or an edit elsewhere on the page is an event on the timeline too. */}
              <Timeline entity="deal" id={d.id} customerId={d.customerId} stamp={d.version} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <DealContractsCard deal={d} won={stage?.kind === 'won'} editable={writer} />
            <DealContactsCard deal={d} editable={writer} />
            <StageHistory deal={d} />
            <Card size="small" title={t('assignment.explain.tab')}>
              <AssignmentExplainPanel entity="deal" id={d.id} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {modals}
      <DealFormModal open={editing} deal={d} onClose={() => setEditing(false)} />
    </>
  );
}
