import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TAppraisalCycle, TKpi } from '@tierline/contracts';
import { Alert, App, AutoComplete, Button, Card, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { criterionLabel, KNOWN_CRITERIA } from '../computation.ts';
import { type CycleFormValues, duplicates, FALLBACK, sumWeights, toFormValues, toUpdate } from '../cycleForm.ts';
import { KPI_LIST, kpiLabel } from '../kpis.ts';
import { useUpdateCycle } from '../performance.api.ts';
import { periodLabel } from '../periods.ts';

const CRITERION_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/**
 * 编辑考核周期: the split, the cap, the grade bands, and per level the KPI weights and the criteria weights. A closed
 * cycle is shown read-only.
 */
export function CycleEditor({ cycle, onClose }: { cycle: TAppraisalCycle | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CycleFormValues>();
  const update = useUpdateCycle();
  const readOnly = cycle?.status === 'closed';

  const onFinish = (values: CycleFormValues) => {
    if (!cycle) return;
    update.mutate(
      { id: cycle.id, version: cycle.version, ...toUpdate(values) },
      {
        onSuccess: () => {
          void message.success(t('performance.cycles.saved'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Drawer
      open={Boolean(cycle)}
      onClose={onClose}
      size={isPhone ? '100%' : 860}
      title={cycle ? t('performance.cycles.editTitle', { name: `${cycle.name} · ${periodLabel(cycle.period, t)}` }) : ''}
      destroyOnHidden
      data-testid="cycle-editor"
      extra={
        !readOnly && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" onClick={() => form.submit()} loading={update.isPending} data-testid="cycle-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {readOnly && <Alert type="info" showIcon title={t('performance.cycles.readOnly')} style={{ marginBottom: 16 }} />}
      {/* Mounted with the cycle's values (the drawer destroys it when hidden), so every watcher sees them from the start. */}
      {cycle && (
        <Form<CycleFormValues>
          key={cycle.id}
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={readOnly}
          initialValues={toFormValues(cycle)}
        >
          <Form.Item name="name" label={t('performance.cycles.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="quantitativeWeight"
                label={t('performance.cycles.quantitativeWeight')}
                rules={[{ required: true }]}
                extra={
                  <Form.Item noStyle shouldUpdate={(a, b) => a.quantitativeWeight !== b.quantitativeWeight}>
                    {() =>
                      t('performance.cycles.qualitativeShare', { value: 100 - (Number(form.getFieldValue('quantitativeWeight')) || 0) })
                    }
                  </Form.Item>
                }
              >
                <InputNumber<number> min={0} max={100} precision={0} style={{ width: '100%' }} suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="capPercent"
                label={t('performance.cycles.attainmentCap')}
                rules={[{ required: true }]}
                extra={t('performance.cycles.capHint')}
              >
                <InputNumber<number> min={100} max={500} precision={0} step={10} style={{ width: '100%' }} suffix="%" />
              </Form.Item>
            </Col>
          </Row>
          <GradeBandsField />
          <LevelSchemesField />
        </Form>
      )}
    </Drawer>
  );
}

/** 等级区间: grade and minimum total, highest first. */
function GradeBandsField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CycleFormValues>();
  return (
    <Card size="small" title={t('performance.cycles.gradeBands')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('performance.cycles.bandsHint')}
      </Typography.Paragraph>
      <Form.List
        name="gradeBands"
        rules={[
          { validator: async (_, bands) => (bands?.length ? undefined : Promise.reject(new Error(t('performance.cycles.bandsHint')))) },
        ]}
      >
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item
                  name={[field.name, 'grade']}
                  rules={[
                    { required: true, whitespace: true, max: 10 },
                    {
                      validator: async (_, grade: string) => {
                        const grades = (form.getFieldValue('gradeBands') as CycleFormValues['gradeBands']).map((b) => b?.grade?.trim());
                        if (grade && grades.filter((g) => g === grade.trim()).length > 1)
                          throw new Error(t('performance.cycles.duplicateBand'));
                      },
                    },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <Input aria-label={t('performance.cycles.grade')} placeholder={t('performance.cycles.grade')} style={{ width: 90 }} />
                </Form.Item>
                <span>≥</span>
                <Form.Item name={[field.name, 'min']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <InputNumber<number> aria-label={t('performance.cycles.min')} min={0} max={100} style={{ width: 100 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                  disabled={fields.length <= 1}
                />
              </Flex>
            ))}
            {fields.length < 10 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ grade: '', min: 0 })} size="small">
                {t('performance.cycles.addBand')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** 各等级的计分方案: the fallback scheme first, then one per level that has its own. */
function LevelSchemesField() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<CycleFormValues>();
  const levels = useLevels();
  const schemes: CycleFormValues['levels'] = Form.useWatch('levels', form) ?? [];
  const used = new Set(schemes.map((s) => s?.levelId));
  return (
    <Form.List name="levels">
      {(fields, { add, remove }) => (
        <>
          <Typography.Title level={5}>{t('performance.cycles.levelSchemes')}</Typography.Title>
          {fields.map((field) => {
            // From the store: a watcher sees the fields once they are registered, one render late.
            const levelId: string | undefined = form.getFieldValue(['levels', field.name, 'levelId']);
            const isFallback = levelId === FALLBACK;
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 16 }}
                data-testid={`scheme-${isFallback ? 'fallback' : levelId}`}
                title={
                  isFallback ? (
                    <>
                      {/* Registered, so the form's values (and its watchers) carry the fallback's id. */}
                      <Form.Item name={[field.name, 'levelId']} hidden>
                        <Input />
                      </Form.Item>
                      {t('performance.cycles.fallbackScheme')}
                    </>
                  ) : (
                    <Form.Item name={[field.name, 'levelId']} noStyle rules={[{ required: true }]}>
                      <Select<string>
                        aria-label={t('performance.leaderboard.level')}
                        style={{ width: 160 }}
                        options={levels.levels.map((level) => ({
                          value: level.id,
                          label: levelName(level, i18n.language),
                          disabled: used.has(level.id) && level.id !== levelId,
                        }))}
                      />
                    </Form.Item>
                  )
                }
                extra={
                  !isFallback && (
                    <Button type="link" danger size="small" onClick={() => remove(field.name)}>
                      {t('performance.cycles.removeLevelScheme')}
                    </Button>
                  )
                }
              >
                <Row gutter={24}>
                  <Col xs={24} md={12}>
                    <KpiWeights name={field.name} />
                  </Col>
                  <Col xs={24} md={12}>
                    <CriteriaWeights name={field.name} />
                  </Col>
                </Row>
              </Card>
            );
          })}
          {levels.levels.some((level) => !used.has(level.id)) && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                const fallback = schemes.find((s) => s?.levelId === FALLBACK);
                const free = levels.levels.find((level) => !used.has(level.id));
                add({ levelId: free?.id, kpis: fallback?.kpis ?? [], criteria: fallback?.criteria ?? [] });
              }}
            >
              {t('performance.cycles.addLevelScheme')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

function WeightsHeader({ title, sum }: { title: string; sum: number }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" style={{ marginBottom: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Text type="secondary" title={t('performance.cycles.weightsSumHint')}>
        {t('performance.cycles.weightsSum', { sum })}
      </Typography.Text>
    </Flex>
  );
}

/** One level's KPIs and their weights. */
function KpiWeights({ name }: { name: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CycleFormValues>();
  const kpis: CycleFormValues['levels'][number]['kpis'] = Form.useWatch(['levels', name, 'kpis'], form) ?? [];
  const twice = duplicates(kpis.map((k) => k?.kpi));
  return (
    <>
      <WeightsHeader title={t('performance.cycles.kpiWeights')} sum={sumWeights(kpis)} />
      <Form.List name={[name, 'kpis']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item
                  name={[field.name, 'kpi']}
                  rules={[{ required: true }]}
                  validateStatus={twice.has(kpis[field.name]?.kpi ?? '') ? 'error' : undefined}
                  help={twice.has(kpis[field.name]?.kpi ?? '') ? t('performance.cycles.duplicateKey') : undefined}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                >
                  <Select<TKpi>
                    aria-label={t('performance.card.kpi')}
                    options={KPI_LIST.map((kpi) => ({ value: kpi, label: kpiLabel(kpi, t) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <InputNumber<number> aria-label={t('performance.card.weight')} min={0} max={100} precision={0} style={{ width: 80 }} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            {fields.length < KPI_LIST.length && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ kpi: KPI_LIST.find((kpi) => !kpis.some((k) => k?.kpi === kpi)), weight: 10 })}
              >
                {t('performance.cycles.addKpi')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}

/** One level's qualitative criteria and their weights; an organisation may name its own. */
function CriteriaWeights({ name }: { name: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CycleFormValues>();
  const criteria: CycleFormValues['levels'][number]['criteria'] = Form.useWatch(['levels', name, 'criteria'], form) ?? [];
  const twice = duplicates(criteria.map((c) => c?.key?.trim()));
  return (
    <>
      <WeightsHeader title={t('performance.cycles.criteriaWeights')} sum={sumWeights(criteria)} />
      <Form.List name={[name, 'criteria']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => {
              const key = criteria[field.name]?.key?.trim() ?? '';
              const known = (KNOWN_CRITERIA as readonly string[]).includes(key);
              return (
                <Flex key={field.key} gap={8} align="baseline">
                  <Typography.Text type="secondary" style={{ width: 64, flex: 'none' }} ellipsis>
                    {known ? criterionLabel(key, t) : t('performance.cycles.custom')}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'key']}
                    rules={[{ required: true }, { pattern: CRITERION_KEY, message: t('performance.cycles.customCriterion') }]}
                    validateStatus={twice.has(key) ? 'error' : undefined}
                    help={twice.has(key) ? t('performance.cycles.duplicateKey') : undefined}
                    style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                  >
                    <AutoComplete
                      aria-label={t('performance.cycles.criterionKey')}
                      options={KNOWN_CRITERIA.map((k) => ({ value: k, label: `${criterionLabel(k, t)} (${k})` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                    <InputNumber<number> aria-label={t('performance.card.weight')} min={0} max={100} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              );
            })}
            {fields.length < 20 && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ key: KNOWN_CRITERIA.find((k) => !criteria.some((c) => c?.key === k)) ?? '', weight: 10 })}
              >
                {t('performance.cycles.addCriterion')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
