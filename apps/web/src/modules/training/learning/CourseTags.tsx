import { ClockCircleOutlined, FormOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TCourse } from '@tierline/contracts';
import { Flex, Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { durationParts } from './enrolmentDisplay.ts';

/** "1 小时 30 分钟" / "1 h 30 min"; under an hour just the minutes. */
export function useDurationText(): (minutes: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (minutes: number) => {
      const parts = durationParts(minutes);
      if (parts.hours === 0) return t('training.minutes', { count: parts.minutes });
      if (parts.minutes === 0) return t('trainingLearning.duration.hours', { count: parts.hours });
      return t('trainingLearning.duration.hoursMinutes', { hours: parts.hours, minutes: parts.minutes });
    },
    [t],
  );
}

/** A course's category, format, source (with the provider of an external one), length, and whether it has a quiz or a certificate. */
export function CourseTags({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  return (
    <Flex gap={4} wrap>
      <Tag color="geekblue">{t(`training.categories.${course.category}`)}</Tag>
      <Tag>{t(`training.formats.${course.format}`)}</Tag>
      <Tag color={course.source === 'external' ? 'purple' : undefined}>
        {course.source === 'external' && course.provider
          ? t('trainingLearning.externalBy', { provider: course.provider })
          : t(`training.sources.${course.source}`)}
      </Tag>
      <Tag icon={<ClockCircleOutlined />}>{duration(course.durationMinutes)}</Tag>
      {course.quiz && (
        <Tag icon={<FormOutlined />} color="cyan">
          {t('trainingLearning.quizTag', { count: course.quiz.questions.length })}
        </Tag>
      )}
      {course.certification && (
        <Tag icon={<SafetyCertificateOutlined />} color="gold">
          {t('trainingLearning.certificationTag')}
        </Tag>
      )}
      {!course.active && <Tag color="default">{t('common.inactive')}</Tag>}
    </Flex>
  );
}
