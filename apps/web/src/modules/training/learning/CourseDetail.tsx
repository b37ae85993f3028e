import { ArrowLeftOutlined, EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { TCourse } from '@tierline/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TRAINING_ADMIN_ROLES } from '../access.ts';
import { CourseEditor } from './CourseEditor.tsx';
import { CourseTags } from './CourseTags.tsx';
import { toCourseFormValues, toCourseWrite } from './courseForm.ts';
import { isOpen, learnPath } from './enrolmentDisplay.ts';
import { useCourse, useMyEnrolments, useUpdateCourse } from './learning.api.ts';
import { learningErrorText } from './learningErrors.ts';
import { MaterialsList } from './MaterialsList.tsx';

/** One course: what it is, its materials, the quiz in figures, the certificate; directors and admins edit it. */
export function CourseDetail() {
  const { t } = useTranslation();
  const { courseId } = useParams();
  const course = useCourse(courseId);
  if (course.isError && isApiError(course.error, 404)) return <NotFoundPage />;
  if (course.isError && !course.data) return <LoadError error={course.error} onRetry={course.refetch} />;
  if (!course.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <>
      <Link to=".." relative="path">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('trainingLearning.course.back')}
        </Button>
      </Link>
      <CourseView course={course.data} />
    </>
  );
}

function CourseView({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = TRAINING_ADMIN_ROLES.includes(user.role);
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="course-detail">
      <PageHeader
        title={course.title}
        extra={
          <Flex gap={8} wrap>
            <MyEnrolmentButton course={course} />
            {canEdit && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="course-edit">
                  {t('common.edit')}
                </Button>
                <ActiveToggle course={course} />
              </>
            )}
          </Flex>
        }
      />
      {!course.active && <Alert type="warning" showIcon title={t('trainingLearning.course.inactive')} style={{ marginBottom: 16 }} />}
      <div style={{ marginBottom: 16 }}>
        <CourseTags course={course} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('trainingLearning.course.about')}>
              {course.description ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{course.description}</Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('trainingLearning.course.noDescription')}</Typography.Text>
              )}
            </Card>
            <Card size="small" title={t('trainingLearning.course.materials')}>
              <MaterialsList materials={course.materials} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <QuizSummary course={course} />
            <CertificationSummary course={course} />
          </Flex>
        </Col>
      </Row>
      {canEdit && <CourseEditor open={editing} course={course} onClose={() => setEditing(false)} />}
    </div>
  );
}

/** 测验: how many questions, the pass mark, the attempts. */
function QuizSummary({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('trainingLearning.course.quiz')} data-testid="course-quiz-summary">
      {course.quiz ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('trainingLearning.course.questions')}>{course.quiz.questions.length}</Descriptions.Item>
          <Descriptions.Item label={t('trainingLearning.fields.passScore')}>{`${course.quiz.passScore}%`}</Descriptions.Item>
          <Descriptions.Item label={t('trainingLearning.fields.attemptsAllowed')}>
            {course.quiz.attemptsAllowed ?? t('trainingLearning.unlimited')}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('trainingLearning.course.noQuiz')}</Typography.Text>
      )}
    </Card>
  );
}

function CertificationSummary({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('trainingLearning.course.certification')} data-testid="course-certification">
      {course.certification ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('trainingLearning.fields.certificationName')}>{course.certification.name}</Descriptions.Item>
          <Descriptions.Item label={t('trainingLearning.course.validity')}>
            {course.certification.validMonths === null
              ? t('trainingLearning.neverExpires')
              : t('trainingLearning.months', { count: course.certification.validMonths })}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('trainingLearning.course.noCertification')}</Typography.Text>
      )}
    </Card>
  );
}

/** A rep enrolled in this course goes straight to their learning. */
function MyEnrolmentButton({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mine = useMyEnrolments(user.id);
  if (user.role !== 'rep') return null;
  const open = mine.data?.find((e) => e.courseId === course.id && isOpen(e));
  if (!open) return null;
  return (
    <Link to={learnPath(open.id)}>
      <Button type="primary" data-testid="course-go-learn">
        {t('trainingLearning.course.goLearn')}
      </Button>
    </Link>
  );
}

/** 停用 / 启用: no course is deleted (enrolments and certifications refer to it); an inactive one leaves the catalogue. */
function ActiveToggle({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const update = useUpdateCourse();
  const next = !course.active;
  const save = () =>
    update.mutateAsync({ id: course.id, version: course.version, body: toCourseWrite(toCourseFormValues(course), next) }).then(
      () => void message.success(t(next ? 'trainingLearning.course.activated' : 'trainingLearning.course.deactivated')),
      (error) => void message.error(learningErrorText(error, t)),
    );
  return (
    <Button
      danger={course.active}
      icon={course.active ? <StopOutlined /> : <UndoOutlined />}
      loading={update.isPending}
      data-testid="course-toggle-active"
      onClick={() =>
        course.active
          ? modal.confirm({
              title: t('trainingLearning.course.deactivateTitle'),
              content: t('trainingLearning.course.deactivateText'),
              okText: t('trainingLearning.course.deactivate'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: save,
            })
          : void save()
      }
    >
      {t(course.active ? 'trainingLearning.course.deactivate' : 'trainingLearning.course.activate')}
    </Button>
  );
}
