import { Alert, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CYCLE_ROLES } from '../access.ts';
import { CyclesPanel } from '../components/CyclesPanel.tsx';
import { TargetsEditor } from '../components/TargetsEditor.tsx';

type Tab = 'targets' | 'cycles';

/** 绩效设置: targets (managers: their team's), and appraisal cycles (directors and admins). */
export function PerformanceSettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<{ tab?: Tab }>();
  const cycles = CYCLE_ROLES.includes(user.role);
  const active: Tab = cycles && url.tab === 'cycles' ? 'cycles' : 'targets';
  return (
    <>
      <PageHeader title={t('performance.settings.title')} />
      {!cycles && <Alert type="info" showIcon title={t('performance.settings.managerHint')} style={{ marginBottom: 16 }} />}
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setUrl({ tab: key === 'targets' ? undefined : (key as Tab) })}
          items={[
            { key: 'targets', label: t('performance.settings.tabs.targets'), children: <TargetsEditor /> },
            ...(cycles ? [{ key: 'cycles', label: t('performance.settings.tabs.cycles'), children: <CyclesPanel /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
