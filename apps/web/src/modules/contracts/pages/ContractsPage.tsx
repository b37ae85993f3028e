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
import { ContractsTab } from '../components/ContractsTab.tsx';
import { NewContractModal } from '../components/NewContractModal.tsx';
import { OverdueTab } from '../components/OverdueTab.tsx';
import type { ContractFilters } from '../contracts.api.ts';

type UrlState = { [K in keyof ContractFilters]?: string } & { tab?: string; asOf?: string };

/** 合同回款: the contracts list and the overdue receivables, each a tab; the filters live in the URL. */
export function ContractsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const [creating, setCreating] = useState(false);
  const { tab, asOf, ...filters } = url;
  const active = tab === 'overdue' ? 'overdue' : 'list';

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        extra={
          <Space wrap>
            <ExportButton list="contracts" filters={filters} />
            {canWrite(user.role) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('contracts.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setUrl({ tab: key === 'list' ? undefined : key })}
          items={[
            {
              key: 'list',
              label: t('contracts.tabs.list'),
              children: <ContractsTab filters={filters as ContractFilters} onFiltersChange={(patch) => setUrl(patch)} />,
            },
            {
              key: 'overdue',
              label: t('contracts.tabs.overdue'),
              children: <OverdueTab asOf={asOf} onAsOfChange={(next) => setUrl({ asOf: next })} />,
            },
          ]}
        />
      </Card>
      <NewContractModal open={creating} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/contracts/${c.id}`)} />
    </>
  );
}
