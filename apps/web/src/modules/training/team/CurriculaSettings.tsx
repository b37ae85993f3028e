import type { TCourse, TLevel } from '@tierline/contracts';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { levelName } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useLevels } from '../../levels/levels.api.ts';
import { type CurriculumDraft, curriculaByLevel, curriculumChanged, inactivePicked } from './curriculumDraft.ts';
import { useCourseOptions, useCurricula, useReplaceCurriculum } from './team.api.ts';

/** 课程体系: one card per level of the ladder (lowest first), its required and for-promotion courses, saved per level. */
export function CurriculaSettings() {
  const { t } = useTranslation();
  const levels = useLevels();
  const curricula = useCurricula();
  // Inactive courses too: a curriculum may still name one, and its title must show (marked, to be replaced).
  const courses = useCourseOptions(true);
  const rows = useMemo(() => curriculaByLevel(levels.levels, curricula.data?.data ?? []), [levels.levels, curricula.data]);

  if (curricula.isError) return <LoadError error={curricula.error} onRetry={curricula.refetch} />;
  if (levels.isError) return <LoadError error={levels.error} onRetry={levels.refetch} />;
  if (curricula.isPending || levels.isPending || courses.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap={16} data-testid="curricula-settings">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('trainingTeam.settings.curricula.intro')}
      </Typography.Paragraph>
      {rows.length === 0 && <Empty description={t('trainingTeam.settings.curricula.noLevels')} />}
      {rows.map(({ level, curriculum }, index) => (
        <LevelCurriculumCard key={level.id} level={level} saved={curriculum} courses={courses.courses} top={index === rows.length - 1} />
      ))}
    </Flex>
  );
}

interface CardProps {
  level: TLevel;
  saved: CurriculumDraft;
  courses: TCourse[];
  /** The top of the ladder: there is no next level to be promoted to. */
  top: boolean;
}

function LevelCurriculumCard({ level, saved, courses, top }: CardProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const replace = useReplaceCurriculum();
  const [form] = Form.useForm<CurriculumDraft>();
  const [draft, setDraft] = useState<CurriculumDraft>(saved);
  const name = levelName(level, i18n.language);

  // A save (here or elsewhere) refreshes the lists: the form follows what the server now holds.
  useEffect(() => {
    form.setFieldsValue(saved);
    setDraft(saved);
  }, [saved, form]);

  const options = useMemo(
    () =>
      [...courses]
        .sort((a, b) => Number(b.active) - Number(a.active) || a.title.localeCompare(b.title, i18n.language))
        .map((course) => ({
          value: course.id,
          label: course.active ? course.title : `${course.title}${t('trainingTeam.settings.curricula.inactive')}`,
          // Kept visible when already picked, never offered anew.
          disabled: !course.active,
        })),
    [courses, i18n.language, t],
  );
  const changed = curriculumChanged(saved, draft);
  const inactive = inactivePicked(draft, courses);
  const titleOf = (id: string) => courses.find((course) => course.id === id)?.title ?? id;

  const onFinish = (values: CurriculumDraft) => {
    const body = { required: values.required ?? [], forPromotion: values.forPromotion ?? [] };
    replace.mutate(
      { levelId: level.id, ...body },
      {
        onSuccess: () => void message.success(t('trainingTeam.settings.curricula.saved', { level: name })),
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{name}</span>
          <Tag style={{ marginInlineEnd: 0, fontWeight: 400 }}>
            {t('trainingTeam.settings.curricula.counts', { required: saved.required.length, forPromotion: saved.forPromotion.length })}
          </Tag>
        </Flex>
      }
      extra={
        <Button
          type="primary"
          size="small"
          disabled={!changed || inactive.length > 0}
          loading={replace.isPending}
          onClick={() => form.submit()}
          data-testid={`curriculum-save-${level.key}`}
        >
          {changed ? t('common.save') : t('trainingTeam.settings.curricula.unchanged')}
        </Button>
      }
      data-testid="curriculum-card"
      data-level={level.key}
    >
      <Form<CurriculumDraft>
        form={form}
        layout="vertical"
        initialValues={saved}
        onFinish={onFinish}
        onValuesChange={(_, all) => setDraft({ required: all.required ?? [], forPromotion: all.forPromotion ?? [] })}
        requiredMark={false}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="required"
              label={t('trainingTeam.settings.curricula.required')}
              extra={t('trainingTeam.settings.curricula.requiredHint')}
              style={{ marginBottom: 8 }}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('trainingTeam.settings.curricula.placeholder')}
                options={options}
                data-testid="curriculum-required"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="forPromotion"
              label={t('trainingTeam.settings.curricula.forPromotion')}
              extra={t(top ? 'trainingTeam.settings.curricula.topLevelHint' : 'trainingTeam.settings.curricula.forPromotionHint')}
              style={{ marginBottom: 8 }}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('trainingTeam.settings.curricula.placeholder')}
                options={options}
                data-testid="curriculum-promotion"
              />
            </Form.Item>
          </Col>
        </Row>
        {inactive.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('trainingTeam.settings.curricula.inactiveWarning', {
              names: inactive.map(titleOf).join(t('common.listSeparator')),
            })}
          />
        )}
      </Form>
    </Card>
  );
}
