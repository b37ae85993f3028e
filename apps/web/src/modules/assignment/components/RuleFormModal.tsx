import { useQueryClient } from '@tanstack/react-query';
import type { TAssignmentEntity, TAssignmentRule } from '@tierline/contracts';
import { App, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { isStaleVersion, useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { assignmentKeys, useCreateRule, useUpdateRule } from '../assignment.api.ts';
import { CONDITION_FIELDS, emptyRuleValues, type RuleFormValues, ruleProblems, STRATEGIES, toFormValues, toRuleBody } from '../ruleForm.ts';
import { PROCESS_TYPES } from '../ruleSummary.ts';

interface RuleFormModalProps {
  open: boolean;
  entity: TAssignmentEntity;
  /** The rule to edit; without one the form adds a rule at the end of the entity's list. */
  rule: TAssignmentRule | null;
  onClose: () => void;
}

/** Creates or edits a rule: its conditions (only those the entity can have), who may receive, and how. */
export function RuleFormModal({ open, entity, rule, onClose }: RuleFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<RuleFormValues>();
  const create = useCreateRule();
  const update = useUpdateRule();
  const { tiers } = useTiers();
  const { levels } = useLevels();
  const { teams } = useTeamOptions();
  const fields = CONDITION_FIELDS[entity];
  const locale = i18n.language;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(rule ? toFormValues(rule) : emptyRuleValues());
  }, [open, rule, form]);

  // Regions the org's teams work in: suggestions, any other region can still be typed.
  const regionOptions = useMemo(
    () => [...new Set(teams.flatMap((team) => (team.region ? [team.region] : [])))].map((region) => ({ value: region, label: region })),
    [teams],
  );

  const onError = (error: unknown) => {
    showError(error, form);
    // Someone changed the rule meanwhile: close and re-read, so the next edit starts from what is saved.
    if (isApiError(error) && isStaleVersion(error)) {
      void queryClient.invalidateQueries({ queryKey: assignmentKeys.rules() });
      onClose();
    }
  };

  const onFinish = (values: RuleFormValues) => {
    const problems = ruleProblems(values, entity);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.field, errors: [t(`assignment.form.problems.${p.problem}`)] })));
      return;
    }
    const body = toRuleBody(values, entity);
    const done = (text: string) => {
      void message.success(text);
      onClose();
    };
    if (rule)
      update.mutate({ ...body, id: rule.id, version: rule.version }, { onSuccess: () => done(t('assignment.rules.updated')), onError });
    else create.mutate({ ...body, entity }, { onSuccess: () => done(t('assignment.rules.created')), onError });
  };

  const noun = t(`assignment.nouns.${entity}`);
  const tagsSelect = (options?: { value: string; label: string }[]) => (
    <Select
      mode="tags"
      options={options}
      tokenSeparators={[',', '，', '、']}
      placeholder={t('assignment.form.tagsPlaceholder')}
      notFoundContent={null}
      suffixIcon={null}
    />
  );

  return (
    <Modal
      open={open}
      title={t(rule ? 'assignment.form.editTitle' : 'assignment.form.createTitle', { entity: noun })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={isPhone ? undefined : 640}
      forceRender
    >
      <Form<RuleFormValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} initialValues={emptyRuleValues()}>
        <Form.Item
          name="name"
          label={t('assignment.form.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input autoComplete="off" maxLength={200} placeholder={t('assignment.form.namePlaceholder')} />
        </Form.Item>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('assignment.form.conditions')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('assignment.form.conditionsHint')}
          {entity === 'deal' && (
            <>
              <br />
              {t('assignment.form.dealHint')}
            </>
          )}
        </Typography.Paragraph>
        {fields.includes('tierIds') && (
          <Form.Item name="tierIds" label={t('assignment.form.tiers')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('assignment.form.anyPlaceholder')}
              options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, locale) }))}
            />
          </Form.Item>
        )}
        {fields.includes('processTypes') && (
          <Form.Item name="processTypes" label={t('assignment.form.processTypes')}>
            <Checkbox.Group options={PROCESS_TYPES.map((p) => ({ value: p, label: t(`assignment.processTypes.${p}`) }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="regions" label={t('assignment.form.regions')}>
              {tagsSelect(regionOptions)}
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="industries" label={t('assignment.form.industries')}>
              {tagsSelect()}
            </Form.Item>
          </Col>
        </Row>
        {fields.includes('amount') && (
          <Row gutter={16}>
            {(['minAmount', 'maxAmount'] as const).map((name) => (
              <Col key={name} xs={24} sm={12}>
                <Form.Item name={name} label={t(`assignment.form.${name}`)}>
                  <InputNumber<string>
                    stringMode
                    min="0"
                    precision={2}
                    // Thousands separators: 1,000,000.00 is read at a glance, 1000000.00 is counted.
                    formatter={(value) => `${value ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
                    parser={(text) => (text ?? '').replace(/,/g, '')}
                    style={{ width: '100%' }}
                    placeholder={t('assignment.form.anyPlaceholder')}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}

        <Typography.Title level={5}>{t('assignment.form.eligible')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('assignment.form.eligibleHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="eligibleLevelIds" label={t('assignment.form.levels')}>
              <Checkbox.Group options={levels.map((level) => ({ value: level.id, label: levelName(level, locale) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="eligibleTeamIds" label={t('assignment.form.teams')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('assignment.form.anyPlaceholder')}
                optionFilterProp="label"
                options={teams.map((team) => ({ value: team.id, label: team.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="strategy" label={t('assignment.form.strategy')}>
          <Radio.Group>
            <Flex vertical gap={8}>
              {STRATEGIES.map((s) => (
                <Radio key={s} value={s}>
                  {t(`assignment.strategies.${s}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {t(`assignment.strategyHints.${s}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="active" label={t('assignment.form.active')} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
