import type { TDeal } from '@tierline/contracts';
import { Button, Flex, Tag, Typography, theme } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format.ts';
import { columnTotals } from '../dealMath.ts';
import { localName, type TStage, useStageDeals } from '../deals.api.ts';
import { DealCard } from './DealCard.tsx';

const KIND_COLORS = { open: 'blue', won: 'green', lost: 'red' } as const;
/** Columns share the width between these bounds; below the minimum the board scrolls sideways. */
const MIN_WIDTH = 216;
const MAX_WIDTH = 320;

interface KanbanColumnProps {
  pipelineId: string;
  stage: TStage;
  stages: TStage[];
  canMove: boolean;
  /** The deal being dragged, if any: a column highlights when it may take it. */
  dragged: TDeal | null;
  onDragStart: (deal: TDeal) => void;
  onDragEnd: () => void;
  onMove: (deal: TDeal, stage: TStage) => void;
}

/** One stage of the board: its totals on top, its deals below, a drop target for deals from other stages. */
export function KanbanColumn({ pipelineId, stage, stages, canMove, dragged, onDragStart, onDragEnd, onMove }: KanbanColumnProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const list = useStageDeals(pipelineId, stage.id);
  const [over, setOver] = useState(false);
  const lng = i18n.language;
  const totals = columnTotals(list.rows);
  const accepts = dragged !== null && dragged.stageId !== stage.id;

  const onDragOver = (e: DragEvent) => {
    if (!accepts) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (dragged && accepts) onMove(dragged, stage);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this is a drop zone of cards.
    <div
      role="group"
      aria-label={localName(stage, lng)}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`stage-${stage.key}`}
      style={{
        flex: `1 1 ${MIN_WIDTH}px`,
        minWidth: MIN_WIDTH,
        maxWidth: MAX_WIDTH,
        scrollSnapAlign: 'start',
        background: over ? token.colorPrimaryBg : token.colorFillQuaternary,
        outline: over ? `2px dashed ${token.colorPrimary}` : accepts ? `1px dashed ${token.colorBorder}` : 'none',
        borderRadius: token.borderRadiusLG,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
      }}
    >
      <div style={{ padding: '2px 4px' }}>
        <Flex justify="space-between" align="center" gap={4}>
          <Typography.Text strong>{localName(stage, lng)}</Typography.Text>
          <Tag color={KIND_COLORS[stage.kind]} style={{ marginInlineEnd: 0 }}>
            {stage.probability}%
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="column-count">
          {t('deals.column.count', { n: list.rows.length, more: list.hasNextPage ? '+' : '' })}
        </Typography.Text>
        {totals.length === 0 && (
          <Typography.Text style={{ fontSize: 12, display: 'block' }} data-testid="column-totals">
            {t('deals.column.total', { amount: 0 })} · {t('deals.column.weighted', { amount: 0 })}
          </Typography.Text>
        )}
        {totals.map((total) => (
          <Typography.Text key={total.currency} style={{ fontSize: 12, display: 'block' }} data-testid="column-totals">
            {t('deals.column.total', { amount: formatMoney(total.amountCents / 100, total.currency, lng, true) })}
            {' · '}
            {t('deals.column.weighted', { amount: formatMoney(total.weightedCents / 100, total.currency, lng, true) })}
          </Typography.Text>
        ))}
      </div>
      {list.rows.map((deal) => (
        <DealCard
          key={deal.id}
          deal={deal}
          stages={stages}
          draggable={canMove}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onMove={onMove}
        />
      ))}
      {list.isPending && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
      {!list.isPending && list.rows.length === 0 && (
        <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
          {t('deals.column.empty')}
        </Typography.Text>
      )}
      {list.hasNextPage && (
        <Button size="small" type="link" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
