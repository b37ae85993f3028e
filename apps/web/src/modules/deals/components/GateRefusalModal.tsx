import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MissingItem } from '../gateErrors.ts';

export interface GateRefusal {
  dealId: string;
  dealName: string;
  stageName: string;
  items: MissingItem[];
}

interface GateRefusalModalProps {
  refusal: GateRefusal | null;
  onClose: () => void;
  /** On the deal's own page there is nowhere else to go. */
  showOpenDeal?: boolean;
}

/** A refused move: the stage it was meant for, and every item its gate still misses. */
export function GateRefusalModal({ refusal, onClose, showOpenDeal = true }: GateRefusalModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Modal
      open={refusal !== null}
      title={
        <span>
          <CloseCircleFilled style={{ color: '#cf1322', marginInlineEnd: 8 }} />
          {t('deals.gate.title', { stage: refusal?.stageName ?? '' })}
        </span>
      }
      onCancel={onClose}
      footer={[
        showOpenDeal && (
          <Button key="open" onClick={() => refusal && navigate(`/deals/${refusal.dealId}`)}>
            {t('deals.gate.openDeal')}
          </Button>
        ),
        <Button key="ok" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('deals.gate.intro', { name: refusal?.dealName ?? '' })}</Typography.Paragraph>
      <ul data-testid="gate-missing" style={{ paddingInlineStart: 20 }}>
        {refusal?.items.map((item) => (
          <li key={item.path}>
            <Typography.Text>{item.label}</Typography.Text>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
