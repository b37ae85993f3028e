import type { TTier, TTierMetric } from '@tierline/contracts';
import { Col, Form, type FormInstance, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CutoffKind, RulesFormValues } from '../tierRulesDraft.ts';
import { tierName } from '../tiers.api.ts';
import { TierTag } from './TierTag.tsx';

const METRICS: TTierMetric[] = ['monetary', 'frequency', 'recency', 'rfm'];
const KINDS: CutoffKind[] = ['top_percent', 'absolute', 'none'];

interface TierRulesFormProps {
  form: FormInstance<RulesFormValues>;
  tiers: readonly TTier[];
  /** Per tier id, what is wrong with its cut-off (shown under the row). */
  problems: Map<string, string>;
  onValuesChange: () => void;
}

/** The rule set: a metric over a window, one cut-off per tier from the highest down; the lowest tier takes the rest. */
export function TierRulesForm({ form, tiers, problems, onValuesChange }: TierRulesFormProps) {
  const { t, i18n } = useTranslation();
  const metric = Form.useWatch('metric', form) as TTierMetric | undefined;
  const lowest = tiers.at(-1);
  return (
    <Form<RulesFormValues>
      name="tierRules"
      form={form}
      layout="vertical"
      onValuesChange={onValuesChange}
      requiredMark={false}
      data-testid="tier-rules-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="metric" label={t('tiers.rules.metric')} extra={metric ? t(`tiers.metricHints.${metric}`) : undefined}>
            <Select options={METRICS.map((m) => ({ value: m, label: t(`tiers.metrics.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="windowDays" label={t('tiers.rules.window')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={1} max={3660} precision={0} suffix={t('purchases.days')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('tiers.rules.cutoffs')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('tiers.rules.cutoffsHint')}</Typography.Paragraph>
      {tiers.slice(0, -1).map((tier) => (
        <Row key={tier.id} gutter={8} align="top" data-testid={`cutoff-${tier.key}`}>
          <Col xs={24} sm={6} style={{ paddingTop: 5, paddingBottom: 8 }}>
            <TierTag tierId={tier.id} />
          </Col>
          <Col xs={12} sm={9}>
            <Form.Item name={['cutoffs', tier.id, 'kind']} style={{ marginBottom: 8 }}>
              <Select
                aria-label={t('tiers.rules.kindOf', { tier: tierName(tier, i18n.language) })}
                options={KINDS.map((k) => ({ value: k, label: t(`tiers.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={9}>
            <Form.Item noStyle dependencies={[['cutoffs', tier.id, 'kind']]}>
              {() => {
                const kind = form.getFieldValue(['cutoffs', tier.id, 'kind']) as CutoffKind;
                if (kind === 'none') return null;
                return (
                  <Form.Item
                    name={['cutoffs', tier.id, 'value']}
                    style={{ marginBottom: 8 }}
                    validateStatus={problems.has(tier.id) ? 'error' : undefined}
                    help={problems.get(tier.id)}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <InputNumber
                      aria-label={t('tiers.rules.valueOf', { tier: tierName(tier, i18n.language) })}
                      min={0}
                      prefix={kind === 'top_percent' ? t('tiers.rules.top') : metric === 'recency' ? '≤' : '≥'}
                      suffix={kind === 'top_percent' ? '%' : metric === 'recency' ? t('purchases.days') : undefined}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </Col>
        </Row>
      ))}
      {lowest && (
        <Row gutter={8}>
          <Col xs={24} sm={6}>
            <TierTag tierId={lowest.id} />
          </Col>
          <Col xs={24} sm={18}>
            <Typography.Text type="secondary">{t('tiers.rules.lowestTakesRest')}</Typography.Text>
          </Col>
        </Row>
      )}
    </Form>
  );
}
