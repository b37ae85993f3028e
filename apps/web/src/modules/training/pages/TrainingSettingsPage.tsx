import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { TriggersSettings } from '../components/TriggersSettings.tsx';
import { CurriculaSettings } from '../team/CurriculaSettings.tsx';
import { SkillsCatalogue } from '../team/SkillsCatalogue.tsx';

type Tab = 'curricula' | 'skills' | 'triggers';
const TABS: readonly Tab[] = ['curricula', 'skills', 'triggers'];

/** 培训设置 (directors, admins): curricula per level, the skills catalogue, outcome triggers; the tab is in the URL. */
export function TrainingSettingsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlFilters<{ tab?: string }>();
  const active: Tab = TABS.find((tab) => tab === url.tab) ?? 'curricula';
  return (
    <>
      <PageHeader title={t('trainingTeam.settings.title')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setUrl({ tab: key === 'curricula' ? undefined : key })}
          destroyOnHidden
          items={[
            { key: 'curricula', label: t('trainingTeam.settings.tabs.curricula'), children: <CurriculaSettings /> },
            { key: 'skills', label: t('trainingTeam.settings.tabs.skills'), children: <SkillsCatalogue /> },
            { key: 'triggers', label: t('trainingTeam.settings.tabs.triggers'), children: <TriggersSettings /> },
          ]}
        />
      </Card>
    </>
  );
}
