import type { TDeal } from '@tierline/contracts';
import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { localName, type TStage, useMoveDeal } from '../deals.api.ts';
import { isGateRefusal, missingItems } from '../gateErrors.ts';
import { type GateRefusal, GateRefusalModal } from './GateRefusalModal.tsx';
import { LossReasonModal } from './LossReasonModal.tsx';

/**
 * Moving a deal, wherever it starts (a drop on the board, the stage menu on the deal's page):
 * Lost asks for the reason first; a refused move shows the gate's missing items.
 */
export function useDealMoveFlow(options: { onDealPage?: boolean } = {}): {
  requestMove: (deal: TDeal, stage: TStage) => void;
  modals: ReactNode;
  isMoving: boolean;
} {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const move = useMoveDeal();
  const [losing, setLosing] = useState<{ deal: TDeal; stage: TStage } | null>(null);
  const [refusal, setRefusal] = useState<GateRefusal | null>(null);

  const run = (deal: TDeal, stage: TStage, lossReason?: string) =>
    move.mutate(
      { deal, stage, lossReason },
      {
        onSuccess: () => {
          setLosing(null);
          void message.success(t('deals.moved', { name: deal.name, stage: localName(stage, i18n.language) }));
        },
        onError: (error) => {
          setLosing(null);
          if (isGateRefusal(error)) {
            setRefusal({ dealId: deal.id, dealName: deal.name, stageName: localName(stage, i18n.language), items: missingItems(error, t) });
          } else showError(error);
        },
      },
    );

  const requestMove = (deal: TDeal, stage: TStage) => {
    if (stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setLosing({ deal, stage });
    else run(deal, stage);
  };

  const modals = (
    <>
      <LossReasonModal
        open={losing !== null}
        dealName={losing?.deal.name ?? ''}
        loading={move.isPending}
        onSubmit={(reason) => losing && run(losing.deal, losing.stage, reason)}
        onCancel={() => setLosing(null)}
      />
      <GateRefusalModal refusal={refusal} onClose={() => setRefusal(null)} showOpenDeal={!options.onDealPage} />
    </>
  );
  return { requestMove, modals, isMoving: move.isPending };
}
