import { ThunderboltOutlined } from '@ant-design/icons';
import type { TAssignmentEntity, TAssignmentResult } from '@tierline/contracts';
import { App, Button, type ButtonProps, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { ASSIGNER_ROLES, useAutoAssign } from '../assignment.api.ts';
import { AssignmentExplainPanel } from './AssignmentExplainPanel.tsx';

export interface AutoAssignButtonProps {
  entity: TAssignmentEntity;
  /** The lead's, customer's or deal's id. */
  id: string;
  /** Show the explanation in a dialog afterwards (default); off where a panel is already on screen. */
  showResult?: boolean;
  onAssigned?: (result: TAssignmentResult) => void;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

/**
 * Runs the assignment rules for one record (after a confirmation: the owner may change), then
 * shows why it went to whom. Renders nothing for people who may not assign (reps, viewers); the
 * server refuses them anyway.
 */
export function AutoAssignButton({ entity, id, showResult = true, onAssigned, size, type }: AutoAssignButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const isPhone = useIsPhone();
  const user = useCurrentUser();
  const assign = useAutoAssign();
  const [resultOpen, setResultOpen] = useState(false);
  if (!ASSIGNER_ROLES.includes(user.role)) return null;

  const run = () =>
    assign.mutateAsync({ entity, id }).then(
      (result) => {
        if (showResult) setResultOpen(true);
        else if (result.assigned) void message.success(t('assignment.autoAssign.done'));
        else void message.warning(t('assignment.autoAssign.notAssigned'));
        onAssigned?.(result);
      },
      (error: unknown) => showError(error),
    );

  return (
    <>
      <Popconfirm
        title={t('assignment.autoAssign.confirmTitle')}
        description={t('assignment.autoAssign.confirmText')}
        okText={t('assignment.autoAssign.ok')}
        cancelText={t('common.cancel')}
        onConfirm={run}
      >
        <Button icon={<ThunderboltOutlined />} loading={assign.isPending} size={size} type={type} data-testid="auto-assign">
          {t('assignment.autoAssign.button')}
        </Button>
      </Popconfirm>
      {showResult && (
        <Modal
          open={resultOpen}
          title={t('assignment.autoAssign.resultTitle')}
          onCancel={() => setResultOpen(false)}
          footer={null}
          width={isPhone ? undefined : 720}
          destroyOnHidden
        >
          <AssignmentExplainPanel entity={entity} id={id} />
        </Modal>
      )}
    </>
  );
}
