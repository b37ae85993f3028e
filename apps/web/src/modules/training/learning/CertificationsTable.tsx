import type { TCertification } from '@tierline/contracts';
import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CERTIFICATION_COLORS, sortCertifications } from './enrolmentDisplay.ts';
import { useMyCertifications } from './learning.api.ts';

/** 我的认证: each certificate with its status (valid, expiring within 30 days, expired) and expiry date. */
export function CertificationsTable() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const certifications = useMyCertifications(user.id);
  if (certifications.isError && !certifications.data) return <LoadError error={certifications.error} onRetry={certifications.refetch} />;
  if (!certifications.data) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (certifications.data.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingLearning.certifications.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="certifications">
      {sortCertifications(certifications.data).map((c) => (
        <CertificationRow key={c.id} certification={c} locale={i18n.language} />
      ))}
    </Flex>
  );
}

function CertificationRow({ certification: c, locale }: { certification: TCertification; locale: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid={`certification-${c.id}`}>
      <Flex gap={8} justify="space-between" align="center">
        <Link to={`/training/courses/${c.courseId}`}>
          <Typography.Text strong>{c.name}</Typography.Text>
        </Link>
        <Tag color={CERTIFICATION_COLORS[c.status]} style={{ marginInlineEnd: 0 }}>
          {t(`training.certificationStatuses.${c.status}`)}
        </Tag>
      </Flex>
      <Typography.Text type={c.status === 'expired' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {t('trainingLearning.certifications.granted', { date: formatDate(c.grantedOn, locale) })}
        {' · '}
        {c.expiresOn
          ? t(c.status === 'expired' ? 'trainingLearning.certifications.expired' : 'trainingLearning.certifications.expires', {
              date: formatDate(c.expiresOn, locale),
            })
          : t('trainingLearning.neverExpires')}
      </Typography.Text>
    </Flex>
  );
}
