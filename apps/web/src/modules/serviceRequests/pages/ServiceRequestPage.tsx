import { Card, Col, Descriptions, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { ServiceRequestHeader } from '../components/ServiceRequestHeader.tsx';
import { ServiceTiming } from '../components/ServiceTiming.tsx';
import { useCustomerContacts, useServiceRequest } from '../serviceRequests.api.ts';

/** 服务请求详情: what the customer asked, who handles it, and how it stands against its SLA. */
export function ServiceRequestPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const request = useServiceRequest(id);
  const r = request.data;
  const people = useUsersById([r?.ownerId, r?.createdBy]);
  const { byId: teams } = useTeamOptions();
  const contacts = useCustomerContacts(r?.contactId ? r.customerId : null);

  if (request.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (request.isError || !r) {
    return isApiError(request.error, 404) ? <NotFoundPage /> : <LoadError error={request.error} onRetry={request.refetch} />;
  }
  const contact = contacts.data?.find((c) => c.id === r.contactId);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <ServiceRequestHeader request={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('service.details')} data-testid="service-details">
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              items={[
                {
                  key: 'customer',
                  label: t('service.fields.customer'),
                  children: <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
                },
                {
                  key: 'contact',
                  label: t('service.fields.contact'),
                  children: r.contactId ? (contact ? [contact.name, contact.phone].filter(Boolean).join(' · ') : '…') : dash,
                },
                { key: 'channel', label: t('service.fields.channel'), children: t(`service.channels.${r.channel}`) },
                { key: 'priority', label: t('service.fields.priority'), children: t(`service.priorities.${r.priority}`) },
                { key: 'owner', label: t('service.fields.owner'), children: people.get(r.ownerId)?.name ?? '…' },
                { key: 'team', label: t('service.fields.team'), children: r.teamId ? (teams.get(r.teamId)?.name ?? '…') : dash },
                {
                  key: 'createdBy',
                  label: t('service.fields.createdBy'),
                  children: r.createdBy ? (people.get(r.createdBy)?.name ?? '…') : dash,
                },
                { key: 'openedAt', label: t('service.fields.openedAt'), children: formatDateTime(r.openedAt, i18n.language) },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('service.fields.description')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type={r.description ? undefined : 'secondary'}>
              {r.description ?? t('service.noDescription')}
            </Typography.Paragraph>
            {r.resolution && (
              <>
                <Typography.Title level={5}>{t('service.fields.resolution')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="service-resolution">
                  {r.resolution}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('service.timing')}>
            <ServiceTiming request={r} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
