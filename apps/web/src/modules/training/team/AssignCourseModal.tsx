import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { teamsManaged } from '../../performance/access.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { type TEnrolmentCreate, useCourseOptions, useEnrol, useRepOptions } from './team.api.ts';

type TargetKind = TEnrolmentCreate['target']['kind'];

interface FormValues {
  courseId: string;
  kind: TargetKind;
  repId?: string;
  teamId?: string;
  levelId?: string;
  dueOn?: string;
}

/**
 * 分配课程: a course to one rep, a whole team or everyone at a level. A manager is offered their own teams and their
 * reps (the server enforces the same); reps already taking the course are skipped, and the toast says how many.
 */
export function AssignCourseModal({ open, onClose, teamId }: { open: boolean; onClose: () => void; teamId?: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const user = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'rep';
  const courses = useCourseOptions();
  const teams = useTeamOptions();
  const { levels } = useLevels();
  const reps = useRepOptions(open);
  const enrol = useEnrol();

  const managed = useMemo(() => teamsManaged(user.role, user.id, teams.teams), [user, teams.teams]);
  const managedIds = useMemo(() => new Set(managed.map((team) => team.id)), [managed]);
  const repOptions = (reps.data?.data ?? [])
    .filter((rep) => user.role !== 'manager' || (rep.teamId !== null && managedIds.has(rep.teamId)))
    .filter((rep) => !teamId || rep.teamId === teamId)
    .map((rep) => ({ value: rep.id, label: rep.name }));
  const required = [{ required: true, message: t('trainingTeam.compliance.assign.required') }];

  const onFinish = (values: FormValues) => {
    const id = values.kind === 'rep' ? values.repId : values.kind === 'team' ? values.teamId : values.levelId;
    if (!id) return;
    enrol.mutate(
      { courseId: values.courseId, target: { kind: values.kind, id }, dueOn: values.dueOn || null },
      {
        onSuccess: (result) => {
          void message.success(t('trainingTeam.compliance.assign.result', { enrolled: result.enrolled, skipped: result.skipped }));
          form.resetFields();
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('trainingTeam.compliance.assign.title')}
      okText={t('trainingTeam.compliance.assign.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={enrol.isPending}
      destroyOnHidden
      data-testid="assign-modal"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ kind: 'rep', teamId: teamId && managedIds.has(teamId) ? teamId : undefined }}
        preserve={false}
      >
        <Form.Item name="courseId" label={t('trainingTeam.compliance.assign.course')} rules={required}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('trainingTeam.compliance.assign.coursePlaceholder')}
            loading={courses.isPending}
            options={courses.courses.map((course) => ({ value: course.id, label: course.title }))}
            data-testid="assign-course"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('trainingTeam.compliance.assign.targetKind')}>
          <Radio.Group
            optionType="button"
            options={(['rep', 'team', 'level'] as const).map((k) => ({ value: k, label: t(`trainingTeam.compliance.assign.kinds.${k}`) }))}
          />
        </Form.Item>
        {kind === 'rep' && (
          <Form.Item name="repId" label={t('trainingTeam.compliance.assign.rep')} rules={required}>
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('trainingTeam.compliance.assign.pick')}
              loading={reps.isPending}
              options={repOptions}
              data-testid="assign-rep"
            />
          </Form.Item>
        )}
        {kind === 'team' && (
          <Form.Item name="teamId" label={t('trainingTeam.compliance.assign.team')} rules={required}>
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('trainingTeam.compliance.assign.pick')}
              options={managed.map((team) => ({ value: team.id, label: team.name }))}
              data-testid="assign-team"
            />
          </Form.Item>
        )}
        {kind === 'level' && (
          <Form.Item
            name="levelId"
            label={t('trainingTeam.compliance.assign.level')}
            rules={required}
            extra={user.role === 'manager' ? t('trainingTeam.compliance.assign.levelHint') : undefined}
          >
            <Select<string>
              placeholder={t('trainingTeam.compliance.assign.pick')}
              options={[...levels].sort((a, b) => a.rank - b.rank).map((l) => ({ value: l.id, label: levelName(l, i18n.language) }))}
              data-testid="assign-level"
            />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label={t('trainingTeam.compliance.assign.dueOn')} extra={t('trainingTeam.compliance.assign.dueOnHint')}>
          <Input type="date" style={{ maxWidth: 200 }} data-testid="assign-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
