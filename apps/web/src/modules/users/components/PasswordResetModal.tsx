import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import type { TPasswordResetTicket } from '../users.api.ts';

interface PasswordResetModalProps {
  /** The user the token is for, and the token itself; null when closed. */
  result: { userName: string; ticket: TPasswordResetTicket } | null;
  onClose: () => void;
}

/** Shows a one-time reset token to the admin, the only time it is ever visible. */
export function PasswordResetModal({ result, onClose }: PasswordResetModalProps) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={result !== null}
      title={t('users.resetTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {result && (
        <>
          <Typography.Paragraph>
            {t('users.resetIntro', {
              name: result.userName,
              expiresAt: formatDateTime(result.ticket.expiresAt, i18n.language),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph
            data-testid="reset-token"
            code
            copyable={{ text: result.ticket.token, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{ wordBreak: 'break-all', fontSize: 15 }}
          >
            {result.ticket.token}
          </Typography.Paragraph>
          <Alert type="info" showIcon title={t('users.resetHowTo')} />
        </>
      )}
    </Modal>
  );
}
