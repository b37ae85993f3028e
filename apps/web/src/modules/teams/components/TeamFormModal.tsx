import { useQueryClient } from '@tanstack/react-query';
import type { TTeam } from '@tierline/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { isStaleVersion, useShowError } from '../../../shared/errors.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { type TeamInput, teamKeys, useCreateTeam, useUpdateTeam } from '../teams.api.ts';

interface TeamFormModalProps {
  open: boolean;
  /** The team to edit; without one the form creates a new team. */
  team: TTeam | null;
  onClose: () => void;
}

export function TeamFormModal({ open, team, onClose }: TeamFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TeamInput>();
  const showError = useShowError();
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (team) form.setFieldsValue({ name: team.name, region: team.region, managerId: team.managerId });
  }, [open, team, form]);

  const onError = (error: unknown) => {
    showError(error, form);
    // A stale version: close and reload the list, so the next edit starts from what is saved.
    if (isApiError(error) && isStaleVersion(error)) {
      void queryClient.invalidateQueries({ queryKey: teamKeys.lists() });
      onClose();
    }
  };

  const onFinish = (values: TeamInput) => {
    const input: TeamInput = {
      name: values.name,
      region: values.region?.trim() || null,
      managerId: values.managerId ?? null,
    };
    const done = (text: string) => {
      void message.success(text);
      onClose();
    };
    if (team) {
      updateTeam.mutate({ ...input, id: team.id, version: team.version }, { onSuccess: () => done(t('teams.updated')), onError });
    } else {
      createTeam.mutate(input, { onSuccess: () => done(t('teams.created')), onError });
    }
  };

  return (
    <Modal
      open={open}
      title={team ? t('teams.editTitle') : t('teams.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createTeam.isPending || updateTeam.isPending}
      forceRender
    >
      <Form<TeamInput> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="region" label={t('teams.region')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="managerId" label={t('teams.manager')}>
          <UserSelect placeholder={t('teams.managerPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
