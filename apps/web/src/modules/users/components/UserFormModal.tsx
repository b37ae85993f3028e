import { useQueryClient } from '@tanstack/react-query';
import type { TRole, TUser } from '@tierline/contracts';
import { Alert, App, Button, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api.ts';
import { isStaleVersion, useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { ROLES } from '../../../shared/roles.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useCreateUser, userKeys, useUpdateUser } from '../users.api.ts';

interface UserFormValues {
  email: string;
  name: string;
  role: TRole;
  teamId?: string | null;
  levelId?: string | null;
  password: string;
  active: boolean;
}

interface UserFormModalProps {
  open: boolean;
  /** The user to edit; without one the form creates a new user. */
  user: TUser | null;
  onClose: () => void;
}

function toFormValues(user: TUser | null): Partial<UserFormValues> {
  if (!user) return { role: 'rep', active: true };
  const { name, role, teamId, levelId, active } = user;
  return { name, role, teamId, levelId, active };
}

export function UserFormModal({ open, user, onClose }: UserFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const showError = useShowError();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const { teams } = useTeamOptions();
  const { levels } = useLevels();
  // The version this form is based on; replaced when the user reloads after a conflict.
  const [base, setBase] = useState<TUser | null>(user);
  const [stale, setStale] = useState(false);
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    setBase(user);
    setStale(false);
    form.resetFields();
    form.setFieldsValue(toFormValues(user));
  }, [open, user, form]);

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) setStale(true);
    showError(error, form);
  };

  /** After a conflict: load the saved record and start from it again. */
  const reload = async () => {
    if (!base) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: userKeys.detail(base.id),
      queryFn: () => api.get<TUser>(`/users/${base.id}`),
      staleTime: 0,
    });
    setBase(fresh);
    setStale(false);
    form.setFieldsValue(toFormValues(fresh));
    void queryClient.invalidateQueries({ queryKey: userKeys.lists() });
  };

  const onFinish = (values: UserFormValues) => {
    const teamId = values.teamId ?? null;
    const levelId = values.levelId ?? null;
    const done = (text: string) => {
      void message.success(text);
      onClose();
    };
    if (base) {
      const { name, role, active } = values;
      updateUser.mutate(
        { id: base.id, version: base.version, name, role, teamId, levelId, active },
        { onSuccess: () => done(t('users.updated')), onError },
      );
    } else {
      const { email, name, role, password } = values;
      createUser.mutate({ email, name, role, password, teamId, levelId }, { onSuccess: () => done(t('users.created')), onError });
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createUser.isPending || updateUser.isPending}
      okButtonProps={{ disabled: stale }}
      forceRender
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('errors.conflict')}
          action={
            <Button size="small" onClick={() => reload().catch(showError)}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<UserFormValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {!editing && (
          <Form.Item name="email" label={t('users.email')} rules={[required, { type: 'email', message: t('validation.email') }]}>
            <Input autoComplete="off" inputMode="email" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('users.name')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required]}>
          <Select options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="teamId" label={t('users.team')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.none')}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item name="levelId" label={t('users.level')}>
          <Select
            allowClear
            placeholder={t('common.none')}
            options={levels.map((level) => ({ value: level.id, label: levelName(level, i18n.language) }))}
          />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={t('users.active')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={t('users.password')} rules={[required, { min: 10, message: t('validation.passwordMin') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
