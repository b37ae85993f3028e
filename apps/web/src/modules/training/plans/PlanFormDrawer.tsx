import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDevelopmentPlan, TKpi } from '@tierline/contracts';
import { App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { KPI_LIST, kpiLabel, targetInputProps } from '../../performance/kpis.ts';
import { PERIOD_KINDS } from '../../performance/periods.ts';
import { type GoalFormValue, type PlanFormValues, planToForm, toPlanUpdate, toPlanWrite } from './planRules.ts';
import { PLAN_STATUSES, useCourseOptions, useCreatePlan, useSkillOptions, useUpdatePlan } from './plans.api.ts';
import { RepPicker } from './RepPicker.tsx';

interface PlanFormDrawerProps {
  open: boolean;
  /** null: a new plan. */
  plan: TDevelopmentPlan | null;
  /** A rep to start a new plan for (e.g. from a filtered list). */
  initialRepId?: string;
  onClose: () => void;
  onSaved: (plan: TDevelopmentPlan) => void;
}

const GOAL_KINDS: readonly GoalFormValue['kind'][] = ['kpi', 'course', 'skill'];
const SKILL_LEVELS = [1, 2, 3, 4, 5];

/** Writes a development plan: the rep (new plans only), the target level, the goals of each kind, notes and status. */
export function PlanFormDrawer({ open, plan, initialRepId, onClose, onSaved }: PlanFormDrawerProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<PlanFormValues>();
  const showError = useShowError();
  const levels = useLevels();
  const courses = useCourseOptions();
  const skills = useSkillOptions();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const saving = create.isPending || update.isPending;

  const submit = async (values: PlanFormValues) => {
    try {
      const saved = plan
        ? await update.mutateAsync({ id: plan.id, ...toPlanUpdate(values, plan.version) })
        : await create.mutateAsync(toPlanWrite(values));
      void message.success(t(plan ? 'trainingPlans.form.updated' : 'trainingPlans.form.created'));
      onSaved(saved);
    } catch (error) {
      showError(error, form);
    }
  };

  const required = (label: string) => [{ required: true, message: t('trainingPlans.form.required', { field: label }) }];
  const courseOptions = courses.courses.map((c) => ({ value: c.id, label: c.title }));
  const skillOptions = skills.skills.map((s) => ({ value: s.id, label: s.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={t(plan ? 'trainingPlans.form.editTitle' : 'trainingPlans.form.createTitle')}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="plan-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {/* The drawer's content is destroyed when hidden, so each opening starts from these values (a refetch meanwhile does not reset what is typed). */}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="plan-form"
        initialValues={plan ? planToForm(plan) : { repId: initialRepId, goals: [], notes: '', status: 'active' }}
      >
        <Form.Item name="repId" label={t('trainingPlans.fields.rep')} rules={required(t('trainingPlans.fields.rep'))}>
          <RepPicker
            disabled={plan !== null}
            knownName={plan ? { id: plan.repId, name: plan.repName } : undefined}
            placeholder={t('trainingPlans.form.pickRep')}
            testId="plan-rep"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="targetLevelId"
            label={t('trainingPlans.fields.targetLevel')}
            rules={required(t('trainingPlans.fields.targetLevel'))}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              options={levels.levels.map((l) => ({ value: l.id, label: levelName(l, i18n.language) }))}
              data-testid="plan-target-level"
            />
          </Form.Item>
          <Form.Item name="dueOn" label={t('trainingPlans.fields.dueOn')} style={{ flex: '1 1 160px' }}>
            <Input type="date" />
          </Form.Item>
          {plan && (
            <Form.Item
              name="status"
              label={t('trainingPlans.fields.status')}
              rules={required(t('trainingPlans.fields.status'))}
              style={{ flex: '1 1 140px' }}
            >
              <Select options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`trainingPlans.statuses.${s}`) }))} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="title" label={t('trainingPlans.fields.title')} rules={required(t('trainingPlans.fields.title'))}>
          <Input maxLength={200} placeholder={t('trainingPlans.form.titlePlaceholder')} />
        </Form.Item>

        <Form.List name="goals">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              <span>{t('trainingPlans.fields.goals')}</span>
              {fields.map(({ key, name }) => (
                <Card key={key} size="small" data-testid="plan-goal-editor">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[name, 'kind']}
                      label={t('trainingPlans.goal.kind')}
                      rules={required(t('trainingPlans.goal.kind'))}
                      style={{ flex: '0 0 120px', marginBottom: 8 }}
                    >
                      <Select options={GOAL_KINDS.map((k) => ({ value: k, label: t(`trainingPlans.goalKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const goal = (form.getFieldValue(['goals', name]) ?? {}) as GoalFormValue;
                        if (goal.kind === 'kpi') {
                          const inputProps = goal.kpi ? targetInputProps(goal.kpi) : { min: 0, step: 1, precision: 2 };
                          return (
                            <>
                              <Form.Item
                                name={[name, 'kpi']}
                                label={t('trainingPlans.goal.kpi')}
                                rules={required(t('trainingPlans.goal.kpi'))}
                                style={{ flex: '1 1 160px', marginBottom: 8 }}
                              >
                                <Select<TKpi>
                                  showSearch={{ optionFilterProp: 'label' }}
                                  options={KPI_LIST.map((k) => ({ value: k, label: kpiLabel(k, t) }))}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[name, 'target']}
                                label={t('trainingPlans.goal.target')}
                                rules={required(t('trainingPlans.goal.target'))}
                                style={{ flex: '1 1 120px', marginBottom: 8 }}
                              >
                                <InputNumber
                                  {...inputProps}
                                  suffix={'suffix' in inputProps ? inputProps.suffix : undefined}
                                  style={{ width: '100%' }}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[name, 'periodKind']}
                                label={t('trainingPlans.goal.periodKind')}
                                rules={required(t('trainingPlans.goal.periodKind'))}
                                style={{ flex: '0 0 100px', marginBottom: 8 }}
                              >
                                <Select options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`trainingPlans.periodKinds.${k}`) }))} />
                              </Form.Item>
                            </>
                          );
                        }
                        if (goal.kind === 'course') {
                          return (
                            <Form.Item
                              name={[name, 'courseId']}
                              label={t('trainingPlans.goal.course')}
                              rules={required(t('trainingPlans.goal.course'))}
                              style={{ flex: '1 1 240px', marginBottom: 8 }}
                            >
                              <Select
                                showSearch={{ optionFilterProp: 'label' }}
                                options={courseOptions}
                                loading={courses.isPending}
                                data-testid="plan-goal-course"
                              />
                            </Form.Item>
                          );
                        }
                        return (
                          <>
                            <Form.Item
                              name={[name, 'skillId']}
                              label={t('trainingPlans.goal.skill')}
                              rules={required(t('trainingPlans.goal.skill'))}
                              style={{ flex: '1 1 180px', marginBottom: 8 }}
                            >
                              <Select showSearch={{ optionFilterProp: 'label' }} options={skillOptions} loading={skills.isPending} />
                            </Form.Item>
                            <Form.Item
                              name={[name, 'level']}
                              label={t('trainingPlans.goal.level')}
                              rules={required(t('trainingPlans.goal.level'))}
                              style={{ flex: '0 0 100px', marginBottom: 8 }}
                            >
                              <Select
                                options={SKILL_LEVELS.map((l) => ({ value: l, label: t('trainingPlans.goal.levelN', { level: l }) }))}
                              />
                            </Form.Item>
                          </>
                        );
                      }}
                    </Form.Item>
                  </Flex>
                  <Flex gap={8} align="flex-end" justify="space-between">
                    <Form.Item name={[name, 'dueOn']} label={t('trainingPlans.goal.dueOn')} style={{ marginBottom: 0 }}>
                      <Input type="date" style={{ width: 170 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('trainingPlans.form.removeGoal')}>
                      {isPhone ? null : t('trainingPlans.form.removeGoal')}
                    </Button>
                  </Flex>
                </Card>
              ))}
              <Space wrap>
                {GOAL_KINDS.map((kind) => (
                  <Button
                    key={kind}
                    icon={<PlusOutlined />}
                    onClick={() => add(kind === 'kpi' ? { kind, periodKind: 'quarter' } : kind === 'skill' ? { kind, level: 3 } : { kind })}
                    data-testid={`plan-add-goal-${kind}`}
                  >
                    {t(`trainingPlans.form.addGoal.${kind}`)}
                  </Button>
                ))}
              </Space>
            </Flex>
          )}
        </Form.List>

        <Form.Item name="notes" label={t('trainingPlans.fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
