import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPlanStep } from '@tierline/contracts';
import { Button, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { MAX_DAY_OFFSET, MAX_STEPS, nextStepDay, stepProblems } from '../planSteps.ts';
import { CONTACT_KINDS } from '../tasks.api.ts';

/**
 * The steps of a plan as editable rows (day, kind, task title). Each day is checked against the row
 * above as the user types, so an out-of-order step is pointed at before saving.
 */
export function StepsEditor({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();

  return (
    <Form.List
      name="steps"
      rules={[
        {
          validator: (_rule, steps: Partial<TPlanStep>[] | undefined) =>
            stepProblems(steps ?? []).some((p) => p.kind === 'count')
              ? Promise.reject(new Error(t('followUpPlans.problems.count')))
              : Promise.resolve(),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="steps-editor">
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top" wrap={false} data-testid="plan-step">
              <Col flex={isPhone ? '72px' : '110px'}>
                <Form.Item
                  name={[field.name, 'dayOffset']}
                  label={index === 0 ? t('followUpPlans.day') : undefined}
                  dependencies={index > 0 ? [['steps', index - 1, 'dayOffset']] : []}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: () => {
                        // The same checks the server makes (planSteps.ts), pointed at this row.
                        const problem = stepProblems(getFieldValue('steps') ?? []).find(
                          (p) => (p.kind === 'range' || p.kind === 'order') && p.index === index,
                        );
                        if (!problem) return Promise.resolve();
                        const text =
                          problem.kind === 'order'
                            ? t('followUpPlans.problems.order', { day: problem.previousDay })
                            : t('followUpPlans.problems.range');
                        return Promise.reject(new Error(text));
                      },
                    }),
                  ]}
                >
                  <InputNumber min={0} max={MAX_DAY_OFFSET} precision={0} style={{ width: '100%' }} aria-label={t('followUpPlans.day')} />
                </Form.Item>
              </Col>
              <Col flex={isPhone ? '84px' : '120px'}>
                <Form.Item name={[field.name, 'kind']} label={index === 0 ? t('followUpPlans.kind') : undefined}>
                  <Select
                    aria-label={t('followUpPlans.kind')}
                    options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col flex="auto" style={{ minWidth: 0 }}>
                <Form.Item
                  name={[field.name, 'title']}
                  label={index === 0 ? t('followUpPlans.stepTitle') : undefined}
                  rules={[{ required: true, whitespace: true, message: t('followUpPlans.problems.title') }]}
                >
                  <Input maxLength={200} placeholder={t('followUpPlans.stepTitlePlaceholder')} aria-label={t('followUpPlans.stepTitle')} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Form.Item label={index === 0 ? ' ' : undefined}>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('followUpPlans.removeStep')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_STEPS}
            onClick={() => {
              const steps: Partial<TPlanStep>[] = form.getFieldValue('steps') ?? [];
              add({ dayOffset: nextStepDay(steps), kind: 'call', title: '' });
            }}
            block
          >
            {t('followUpPlans.addStep')}
          </Button>
          <Form.ErrorList errors={errors} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('followUpPlans.stepsHint')}
          </Typography.Paragraph>
        </div>
      )}
    </Form.List>
  );
}
