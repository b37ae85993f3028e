import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Flex, Form, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useSaveScoringRules, useScoringRules } from '../leads.api.ts';
import { newRule, type RuleFormValue, toRuleForm, toRulesInput } from '../scoringRulesDraft.ts';
import { useShowLeadError } from '../useLeadError.ts';
import { ScoringRuleCard } from './ScoringRuleCard.tsx';

const FIELDS = [
  'rules',
  'rules.*.label',
  'rules.*.kind',
  'rules.*.field',
  'rules.*.operator',
  'rules.*.value',
  'rules.*.activityKind',
  'rules.*.points',
];

/** 评分规则: the organisation's lead scoring rules, edited as a whole and saved in one go (every open lead is rescored). */
export function ScoringRulesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<{ rules: RuleFormValue[] }>();
  const rules = useScoringRules(open);
  const save = useSaveScoringRules();
  const showError = useShowLeadError();

  // Load the saved rules each time the drawer opens, so a cancelled edit is forgotten.
  useEffect(() => {
    if (open && rules.data) form.setFieldsValue({ rules: rules.data.data.map(toRuleForm) });
  }, [open, rules.data, form]);

  const onFinish = (v: { rules?: RuleFormValue[] }) =>
    save.mutate(toRulesInput(v.rules ?? []), {
      onSuccess: (result) => {
        void message.success(t('leadScoring.saved', { n: result.rescored ?? 0 }));
        onClose();
      },
      onError: (error) => showError(error, form, FIELDS),
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('leadScoring.title')}
      size={isPhone ? '100%' : 720}
      loading={rules.isPending}
      forceRender
      footer={
        <Flex justify="flex-end">
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={!rules.data}>
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      }
    >
      {rules.isError ? (
        <LoadError error={rules.error} onRetry={rules.refetch} />
      ) : (
        <Form form={form} name="lead-scoring" layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Typography.Paragraph type="secondary">{t('leadScoring.intro')}</Typography.Paragraph>
          <Form.List name="rules">
            {(fields, { add, remove, move }) => (
              <Flex vertical gap={12}>
                {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leadScoring.empty')} />}
                {fields.map((field) => (
                  <ScoringRuleCard key={field.key} form={form} name={field.name} count={fields.length} move={move} remove={remove} />
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRule())} block>
                  {t('leadScoring.add')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}
