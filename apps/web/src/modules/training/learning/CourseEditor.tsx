import { COURSE_CATEGORIES, COURSE_FORMATS, type TCourse } from '@tierline/contracts';
import { App, Button, Card, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { type CourseFormValues, courseFieldErrors, newCourseValues, toCourseFormValues, toCourseWrite } from './courseForm.ts';
import { useCreateCourse, useUpdateCourse } from './learning.api.ts';
import { learningErrorText } from './learningErrors.ts';
import { MaterialsField } from './MaterialsField.tsx';
import { QuizBuilder } from './QuizBuilder.tsx';

interface CourseEditorProps {
  open: boolean;
  /** null: a new course. */
  course: TCourse | null;
  onClose: () => void;
  onSaved?: (course: TCourse) => void;
}

/** 新建/编辑课程 (directors, admins): the course, its materials, the quiz with its answer key, and the certification. */
export function CourseEditor({ open, course, onClose, onSaved }: CourseEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CourseFormValues>();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const pending = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    // Nested paths (quiz.questions.2.correct) go under their own field; the toast says it too.
    if (isApiError(error)) form.setFields(courseFieldErrors(error.problem.errors ?? []) as Parameters<typeof form.setFields>[0]);
    void message.error(learningErrorText(error, t));
  };
  const onFinish = () => {
    // Every value, also those of sections switched off (unmounted): toCourseWrite drops them by the switches.
    const values = form.getFieldsValue(true) as CourseFormValues;
    const done = (saved: TCourse) => {
      void message.success(t('trainingLearning.editor.saved'));
      onSaved?.(saved);
      onClose();
    };
    if (course)
      update.mutate({ id: course.id, version: course.version, body: toCourseWrite(values, course.active) }, { onSuccess: done, onError });
    else create.mutate(toCourseWrite(values, true), { onSuccess: done, onError });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 880}
      title={course ? t('trainingLearning.editor.editTitle', { title: course.title }) : t('trainingLearning.editor.createTitle')}
      destroyOnHidden
      data-testid="course-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={pending} data-testid="course-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {open && (
        <Form<CourseFormValues>
          key={course?.id ?? 'new'}
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={course ? toCourseFormValues(course) : newCourseValues()}
          scrollToFirstError
        >
          <CourseFields />
          <MaterialsField />
          <QuizSection />
          <CertificationSection />
        </Form>
      )}
    </Drawer>
  );
}

function CourseFields() {
  const { t } = useTranslation();
  const source = Form.useWatch('source', { preserve: true });
  return (
    <>
      <Form.Item name="title" label={t('trainingLearning.fields.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input data-testid="course-title" />
      </Form.Item>
      <Form.Item name="description" label={t('trainingLearning.fields.description')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label={t('trainingLearning.fields.category')} rules={[{ required: true }]}>
            <Select options={COURSE_CATEGORIES.map((c) => ({ value: c, label: t(`training.categories.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="format" label={t('trainingLearning.fields.format')} rules={[{ required: true }]}>
            <Select options={COURSE_FORMATS.map((f) => ({ value: f, label: t(`training.formats.${f}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="source" label={t('trainingLearning.fields.source')} rules={[{ required: true }]}>
            <Select options={(['internal', 'external'] as const).map((s) => ({ value: s, label: t(`training.sources.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="durationMinutes" label={t('trainingLearning.fields.durationMinutes')} rules={[{ required: true }]}>
            <InputNumber<number>
              min={1}
              max={100_000}
              precision={0}
              style={{ width: '100%' }}
              suffix={t('trainingLearning.fields.minutesUnit')}
            />
          </Form.Item>
        </Col>
      </Row>
      {source === 'external' && (
        <Form.Item name="provider" label={t('trainingLearning.fields.provider')} rules={[{ max: 200 }]}>
          <Input placeholder={t('trainingLearning.fields.providerHint')} />
        </Form.Item>
      )}
    </>
  );
}

/** 测验: off means the course is completed by marking it done. */
function QuizSection() {
  const { t } = useTranslation();
  const hasQuiz = Form.useWatch('hasQuiz', { preserve: true });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('trainingLearning.editor.quiz')}
      extra={
        <Form.Item name="hasQuiz" valuePropName="checked" noStyle>
          <Switch aria-label={t('trainingLearning.editor.hasQuiz')} data-testid="course-has-quiz" />
        </Form.Item>
      }
    >
      {hasQuiz ? <QuizBuilder /> : <Typography.Text type="secondary">{t('trainingLearning.editor.noQuizHint')}</Typography.Text>}
    </Card>
  );
}

function CertificationSection() {
  const { t } = useTranslation();
  const hasCertification = Form.useWatch('hasCertification', { preserve: true });
  return (
    <Card
      size="small"
      title={t('trainingLearning.editor.certification')}
      extra={
        <Form.Item name="hasCertification" valuePropName="checked" noStyle>
          <Switch aria-label={t('trainingLearning.editor.hasCertification')} data-testid="course-has-certification" />
        </Form.Item>
      }
    >
      {hasCertification ? (
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item
              name={['certification', 'name']}
              label={t('trainingLearning.fields.certificationName')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input data-testid="certification-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name={['certification', 'validMonths']}
              label={t('trainingLearning.fields.validMonths')}
              extra={t('trainingLearning.fields.validMonthsHint')}
            >
              <InputNumber<number> min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Typography.Text type="secondary">{t('trainingLearning.editor.noCertificationHint')}</Typography.Text>
      )}
    </Card>
  );
}
