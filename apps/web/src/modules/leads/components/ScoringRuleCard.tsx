import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  MAX_POINTS,
  MIN_POINTS,
  OPERATORS,
  type RuleFormValue,
  SCORING_FIELDS,
  type ScoringOperator,
  valueFor,
  valueProblem,
} from '../scoringRulesDraft.ts';

interface ScoringRuleCardProps {
  form: FormInstance<{ rules: RuleFormValue[] }>;
  /** The rule's index in the Form.List. */
  name: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}

/** One scoring rule: what it looks at, the condition, and the points it is worth. */
export function ScoringRuleCard({ form, name, count, move, remove }: ScoringRuleCardProps) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['rules', name, 'kind'], form);
  const operator = Form.useWatch(['rules', name, 'operator'], form) as ScoringOperator | undefined;
  const required = { required: true, message: t('validation.required') };

  // A new operator keeps what was typed where it can (text ↔ list) and drops it for "is filled in".
  const onOperator = (next: ScoringOperator) =>
    form.setFieldValue(['rules', name, 'value'], valueFor(next, form.getFieldValue(['rules', name, 'value'])));

  return (
    <Card
      size="small"
      title={<Typography.Text type="secondary">{t('leadScoring.rule', { n: name + 1 })}</Typography.Text>}
      extra={
        <Space size={0}>
          <Tooltip title={t('leadScoring.moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={name === 0}
              onClick={() => move(name, name - 1)}
              aria-label={t('leadScoring.moveUp')}
            />
          </Tooltip>
          <Tooltip title={t('leadScoring.moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={name === count - 1}
              onClick={() => move(name, name + 1)}
              aria-label={t('leadScoring.moveDown')}
            />
          </Tooltip>
          <Tooltip title={t('leadScoring.remove')}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => remove(name)}
              aria-label={t('leadScoring.remove')}
            />
          </Tooltip>
        </Space>
      }
      data-testid="scoring-rule"
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name={[name, 'label']} label={t('leadScoring.label')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} placeholder={t('leadScoring.labelPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={14} sm={8}>
          <Form.Item name={[name, 'kind']} label={t('leadScoring.kind')}>
            <Select options={(['field', 'activity'] as const).map((k) => ({ value: k, label: t(`leadScoring.kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={10} sm={6}>
          <Form.Item name={[name, 'points']} label={t('leadScoring.points')} tooltip={t('leadScoring.pointsHint')} rules={[required]}>
            <InputNumber min={MIN_POINTS} max={MAX_POINTS} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'activity' ? (
        <Form.Item
          name={[name, 'activityKind']}
          label={t('leadScoring.activityKind')}
          extra={t('leadScoring.activityHint')}
          style={{ marginBottom: 0 }}
        >
          <Select
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`leadScoring.activityKinds.${k}`) }))}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col xs={12} sm={7}>
            <Form.Item name={[name, 'field']} label={t('leadScoring.field')} style={{ marginBottom: 0 }}>
              <Select options={SCORING_FIELDS.map((f) => ({ value: f, label: t(`leads.fields.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item name={[name, 'operator']} label={t('leadScoring.operator')} style={{ marginBottom: 0 }}>
              <Select options={OPERATORS.map((o) => ({ value: o, label: t(`leadScoring.operators.${o}`) }))} onChange={onOperator} />
            </Form.Item>
          </Col>
          {operator !== 'present' && (
            <Col xs={24} sm={10}>
              <Form.Item
                name={[name, 'value']}
                label={t('leadScoring.value')}
                dependencies={[['rules', name, 'operator']]}
                rules={[
                  {
                    validator: (_, value) => {
                      const problem = valueProblem(form.getFieldValue(['rules', name, 'operator']), value);
                      return problem ? Promise.reject(new Error(t(`leadScoring.problems.${problem}`))) : Promise.resolve();
                    },
                  },
                ]}
                style={{ marginBottom: 0 }}
              >
                {operator === 'in' ? (
                  <Select
                    mode="tags"
                    open={false}
                    suffixIcon={null}
                    tokenSeparators={[',', '，']}
                    placeholder={t('leadScoring.valuesPlaceholder')}
                  />
                ) : (
                  <Input maxLength={200} />
                )}
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
