import { PlusOutlined } from '@ant-design/icons';
import type { TAppraisalCycle } from '@tierline/contracts';
import { App, Button, Empty, Flex, Form, Input, Modal, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { formatPercent } from '../kpis.ts';
import { useCreateCycle, useCycles, useUpdateCycle } from '../performance.api.ts';
import { currentPeriod, periodLabel } from '../periods.ts';
import { CycleEditor } from './CycleEditor.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';

/** 考核周期: the list, a new cycle for a period, the editor of its scheme, and closing (which locks its reviews). */
export function CyclesPanel() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const cycles = useCycles();
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TAppraisalCycle | null>(null);
  const [form] = Form.useForm<{ name: string; period: string }>();
  const rows = [...(cycles.data?.data ?? [])].sort((a, b) => b.period.localeCompare(a.period));

  const onCreate = (values: { name: string; period: string }) =>
    create.mutate(values, {
      onSuccess: (cycle) => {
        void message.success(t('performance.cycles.created'));
        setCreating(false);
        form.resetFields();
        setEditing(cycle);
      },
      onError: (error) => showError(error, form),
    });

  const onClose = (cycle: TAppraisalCycle) =>
    modal.confirm({
      title: t('performance.cycles.close'),
      content: t('performance.cycles.closeConfirm'),
      okText: t('performance.cycles.close'),
      okButtonProps: { danger: true },
      onOk: () =>
        update
          .mutateAsync({ id: cycle.id, status: 'closed', version: cycle.version })
          .then(() => void message.success(t('performance.cycles.closed')))
          .catch((error) => showError(error)),
    });

  const columns: TableProps<TAppraisalCycle>['columns'] = [
    { key: 'name', title: t('performance.cycles.name'), dataIndex: 'name' },
    { key: 'period', title: t('performance.cycles.period'), render: (_, c) => periodLabel(c.period, t) },
    {
      key: 'status',
      title: t('performance.cycles.status'),
      render: (_, c) => <Tag color={c.status === 'open' ? 'green' : 'default'}>{t(`performance.cycles.statuses.${c.status}`)}</Tag>,
    },
    {
      key: 'split',
      title: t('performance.cycles.split'),
      responsive: ['sm'],
      render: (_, c) => t('performance.cycles.splitValue', { qw: c.quantitativeWeight, qlw: 100 - c.quantitativeWeight }),
    },
    { key: 'cap', title: t('performance.cycles.cap'), responsive: ['md'], render: (_, c) => formatPercent(c.attainmentCap, i18n.language) },
    {
      key: 'bands',
      title: t('performance.cycles.bands'),
      responsive: ['lg'],
      render: (_, c) =>
        [...c.gradeBands]
          .sort((a, b) => b.min - a.min)
          .map((b) => `${b.grade} ≥ ${b.min}`)
          .join(' · '),
    },
    {
      key: 'createdAt',
      title: t('performance.cycles.createdAt'),
      responsive: ['xl'],
      render: (_, c) => formatDateTime(c.createdAt, i18n.language),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setEditing(c)} data-testid={`cycle-edit-${c.period}`}>
            {c.status === 'open' ? t('common.edit') : t('performance.cycles.view')}
          </Button>
          {c.status === 'open' && (
            <Button size="small" type="link" danger onClick={() => onClose(c)}>
              {t('performance.cycles.close')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="cycles-panel">
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: '1 1 320px' }}>
          {t('performance.cycles.intro')}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycle-create">
          {t('performance.cycles.create')}
        </Button>
      </Flex>
      <Table<TAppraisalCycle>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={cycles.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.cycles.empty')} /> }}
        data-testid="cycles-list"
      />
      <Modal
        open={creating}
        title={t('performance.cycles.createTitle')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={onCreate} initialValues={{ period: currentPeriod('quarter') }}>
          <Form.Item name="period" label={t('performance.cycles.period')} rules={[{ required: true }]}>
            <PeriodField />
          </Form.Item>
          <Form.Item name="name" label={t('performance.cycles.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input placeholder={t('performance.cycles.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <CycleEditor cycle={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

/** The period picker as a form control. */
function PeriodField({ value, onChange }: { value?: string; onChange?: (period: string) => void }) {
  return <PeriodPicker value={value ?? currentPeriod('quarter')} onChange={(p) => onChange?.(p)} />;
}
