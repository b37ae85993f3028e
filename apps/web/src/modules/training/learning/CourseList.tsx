import { PlusOutlined } from '@ant-design/icons';
import { COURSE_CATEGORIES, type TCourse } from '@tierline/contracts';
import { Button, Card, Col, Empty, Flex, Input, Row, Segmented, Select, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TRAINING_ADMIN_ROLES } from '../access.ts';
import { CourseEditor } from './CourseEditor.tsx';
import { CourseTags } from './CourseTags.tsx';
import { useCourses } from './learning.api.ts';

type UrlState = { category?: string; q?: string; inactive?: string };

const isCategory = (value: string | undefined): value is TCourse['category'] =>
  (COURSE_CATEGORIES as readonly string[]).includes(value ?? '');

/** 课程目录: the active courses as cards, by category and search; directors and admins add courses and see inactive ones. */
export function CourseList() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const canEdit = TRAINING_ADMIN_ROLES.includes(user.role);
  const [url, setUrl] = useUrlFilters<UrlState>();
  const [search, setSearch] = useState(url.q ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const category = isCategory(url.category) ? url.category : undefined;
  const includeInactive = canEdit && url.inactive === '1';
  const courses = useCourses({ category, q: q || undefined, includeInactive });
  const [creating, setCreating] = useState(false);

  const categoryOptions = [
    { value: '', label: t('common.all') },
    ...COURSE_CATEGORIES.map((c) => ({ value: c, label: t(`training.categories.${c}`) })),
  ];

  return (
    <>
      <PageHeader
        title={t('training.nav.catalogue')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="course-create">
              {t('trainingLearning.catalogue.create')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {isPhone ? (
          <Select
            style={{ width: 160 }}
            value={category ?? ''}
            options={categoryOptions}
            onChange={(value: string) => setUrl({ category: value || undefined })}
            aria-label={t('trainingLearning.fields.category')}
          />
        ) : (
          <Segmented
            value={category ?? ''}
            options={categoryOptions}
            onChange={(value) => setUrl({ category: (value as string) || undefined })}
            data-testid="course-category-filter"
          />
        )}
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('trainingLearning.catalogue.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setUrl({ q: e.target.value.trim() || undefined });
          }}
          data-testid="course-search"
        />
        {canEdit && (
          <Flex gap={6} align="center">
            <Switch size="small" checked={includeInactive} onChange={(on) => setUrl({ inactive: on ? '1' : undefined })} />
            <Typography.Text>{t('trainingLearning.catalogue.showInactive')}</Typography.Text>
          </Flex>
        )}
      </Flex>
      {courses.isError && !courses.data ? (
        <LoadError error={courses.error} onRetry={courses.refetch} />
      ) : !courses.data ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : courses.data.length === 0 ? (
        <Empty description={t(q || category ? 'trainingLearning.catalogue.noMatch' : 'trainingLearning.catalogue.empty')} />
      ) : (
        <Spin spinning={courses.isFetching && courses.isPlaceholderData}>
          <Row gutter={[16, 16]} data-testid="course-list">
            {courses.data.map((course) => (
              <Col key={course.id} xs={24} md={12} xl={8}>
                <CourseCard course={course} />
              </Col>
            ))}
          </Row>
        </Spin>
      )}
      <CourseEditor open={creating} course={null} onClose={() => setCreating(false)} onSaved={(c) => navigate(c.id)} />
    </>
  );
}

function CourseCard({ course }: { course: TCourse }) {
  return (
    <Link to={course.id} data-testid={`course-card-${course.id}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%', opacity: course.active ? 1 : 0.6 }}>
        <Flex vertical gap={8}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {course.title}
          </Typography.Text>
          {course.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {course.description}
            </Typography.Paragraph>
          )}
          <CourseTags course={course} />
        </Flex>
      </Card>
    </Link>
  );
}
