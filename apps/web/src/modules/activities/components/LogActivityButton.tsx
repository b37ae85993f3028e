import { EditOutlined } from '@ant-design/icons';
import type { TActivity } from '@tierline/contracts';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite } from '../../../shared/roles.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import type { ActivityTarget } from '../activityRequest.ts';
import { QuickActivityForm, type QuickActivityFormProps } from './QuickActivityForm.tsx';

interface LogActivityButtonProps extends ActivityTarget {
  preset?: QuickActivityFormProps['preset'];
  onLogged?: (activity: TActivity) => void;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
}

/** 记录跟进: the button on a record's header, with its form. Renders nothing for viewers (the server refuses them). */
export function LogActivityButton({ type = 'primary', size, preset, onLogged, ...target }: LogActivityButtonProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (!canWrite(user.role)) return null;
  return (
    <>
      <Button type={type} size={size} icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="log-activity">
        {t('activities.log')}
      </Button>
      <QuickActivityForm {...target} open={open} onClose={() => setOpen(false)} preset={preset} onLogged={onLogged} />
    </>
  );
}
