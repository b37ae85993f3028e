import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { CertificationsTable } from '../learning/CertificationsTable.tsx';
import { EnrolmentList } from '../learning/EnrolmentList.tsx';
import { LearnDrawer } from '../learning/LearnDrawer.tsx';

type UrlState = { learn?: string };

/**
 * 我的学习: the courses assigned to me (what is still to do first), and my certifications. One enrolment opens in a
 * drawer at ?learn=<enrolmentId> — materials, progress, the quiz — so a notification or a reload lands on it.
 */
export function MyLearningPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlFilters<UrlState>();
  return (
    <>
      <PageHeader title={t('training.nav.mine')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <EnrolmentList onOpen={(id) => setUrl({ learn: id })} />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('trainingLearning.certifications.title')}>
            <CertificationsTable />
          </Card>
        </Col>
      </Row>
      <LearnDrawer enrolmentId={url.learn ?? null} onClose={() => setUrl({ learn: undefined })} />
    </>
  );
}
