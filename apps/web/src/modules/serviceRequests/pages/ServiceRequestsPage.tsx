import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite } from '../../../shared/roles.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { BreachReport } from '../components/BreachReport.tsx';
import { ServiceRequestFilters } from '../components/ServiceRequestFilters.tsx';
import { ServiceRequestFormModal } from '../components/ServiceRequestFormModal.tsx';
import { ServiceRequestsTable } from '../components/ServiceRequestsTable.tsx';
import { openedRange } from '../dateInputs.ts';
import type { ServiceFilters } from '../serviceRequests.api.ts';

type UrlState = { [K in keyof ServiceFilters]?: string } & { tab?: string };

/** 客户服务: the service requests I may see with their SLA, and the breach report per rep or team. */
export function ServiceRequestsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [{ tab, ...rest }, setUrl] = useUrlFilters<UrlState>();
  const filters = rest as ServiceFilters;
  const [creating, setCreating] = useState(false);
  const active = tab === 'breaches' ? 'breaches' : 'requests';

  return (
    <>
      <PageHeader
        title={t('service.title')}
        extra={
          <Space wrap>
            <ExportButton list="service-requests" filters={{ ...filters, ...openedRange(filters.from, filters.to) }} />
            {canWrite(user.role) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('service.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setUrl({ tab: key === 'requests' ? undefined : key })}
          destroyOnHidden
          items={[
            {
              key: 'requests',
              label: t('service.tabs.requests'),
              children: (
                <>
                  <ServiceRequestFilters filters={filters} onChange={setUrl} />
                  <ServiceRequestsTable filters={filters} />
                </>
              ),
            },
            { key: 'breaches', label: t('service.tabs.breaches'), children: <BreachReport /> },
          ]}
        />
      </Card>
      <ServiceRequestFormModal
        open={creating}
        request={null}
        customerId={filters.customerId}
        onClose={() => setCreating(false)}
        onCreated={(r) => navigate(`/service/${r.id}`)}
      />
    </>
  );
}
