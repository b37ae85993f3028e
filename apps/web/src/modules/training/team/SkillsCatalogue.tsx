import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TSkill } from '@tierline/contracts';
import { App, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { orderedSkills } from './skillHeat.ts';
import { type TSkillWrite, useCreateSkill, useDeleteSkill, useSkills, useUpdateSkill } from './team.api.ts';

/** 技能: the skills of the matrix; create, rename, describe, delete (assessments go with the skill). */
export function SkillsCatalogue() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const skills = useSkills();
  const remove = useDeleteSkill();
  // undefined: closed; null: a new skill; a skill: editing it.
  const [editing, setEditing] = useState<TSkill | null | undefined>(undefined);

  if (skills.isError) return <LoadError error={skills.error} onRetry={skills.refetch} />;
  const columns: TableProps<TSkill>['columns'] = [
    { key: 'name', title: t('trainingTeam.settings.skills.name'), dataIndex: 'name', width: 200 },
    { key: 'category', title: t('trainingTeam.settings.skills.category'), dataIndex: 'category', width: 140 },
    {
      key: 'description',
      title: t('trainingTeam.settings.skills.description'),
      dataIndex: 'description',
      responsive: ['md'],
      render: (text: string) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: text }}>
          {text}
        </Typography.Text>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, skill) => (
        <Flex gap={4}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(skill)} />
          <Popconfirm
            title={t('trainingTeam.settings.skills.deleteConfirm', { name: skill.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync(skill).then(
                () => void message.success(t('trainingTeam.settings.skills.deleted')),
                (error) => showError(error),
              )
            }
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="skills-catalogue">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('trainingTeam.settings.skills.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="skill-add">
          {t('trainingTeam.settings.skills.add')}
        </Button>
      </Flex>
      <Table<TSkill>
        rowKey="id"
        size="small"
        loading={skills.isPending}
        columns={columns}
        dataSource={orderedSkills(skills.data?.data ?? [], i18n.language)}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingTeam.settings.skills.empty')} /> }}
      />
      {editing !== undefined && <SkillModal skill={editing} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}

function SkillModal({ skill, onClose }: { skill: TSkill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<TSkillWrite>();
  const create = useCreateSkill();
  const update = useUpdateSkill();
  const saving = create.isPending || update.isPending;

  const onFinish = (values: TSkillWrite) => {
    const body = { name: values.name, category: values.category ?? '', description: values.description ?? '' };
    const done = {
      onSuccess: () => {
        void message.success(t(skill ? 'trainingTeam.settings.skills.updated' : 'trainingTeam.settings.skills.created'));
        onClose();
      },
      onError: (error: unknown) => showError(error, form),
    };
    if (skill) update.mutate({ id: skill.id, version: skill.version, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open
      title={t(skill ? 'trainingTeam.settings.skills.edit' : 'trainingTeam.settings.skills.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="skill-modal"
    >
      <Form<TSkillWrite>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={skill ?? { name: '', category: '', description: '' }}
        onFinish={onFinish}
      >
        <Form.Item name="name" label={t('trainingTeam.settings.skills.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="skill-name" />
        </Form.Item>
        <Form.Item name="category" label={t('trainingTeam.settings.skills.category')} rules={[{ max: 50 }]}>
          <Input maxLength={50} data-testid="skill-category" />
        </Form.Item>
        <Form.Item name="description" label={t('trainingTeam.settings.skills.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
