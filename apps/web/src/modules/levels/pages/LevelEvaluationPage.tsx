import { Card, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { ForbiddenPage, LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { currentPeriod, isPeriod } from '../../performance/periods.ts';
import { EvaluationBoard } from '../components/EvaluationBoard.tsx';
import { EvaluationDrawer } from '../components/EvaluationDrawer.tsx';
import { LevelCriteriaSettings } from '../components/LevelCriteriaSettings.tsx';
import { PeriodSelect } from '../components/PeriodSelect.tsx';
import { RepProfileDrawer } from '../components/RepProfileDrawer.tsx';
import { TeamFilter } from '../components/TeamFilter.tsx';
import { mayDecideLevels, mayEditSettings } from '../levelRules.ts';
import { useLevelCriteria, useLevelEvaluations } from '../levels.api.ts';

type UrlState = { period?: string; teamId?: string; tab?: string; rep?: string; profile?: string };

/**
 * 晋级评估 (managers, directors, admins): the reps of the chosen quarter grouped by recommendation; a rep
 * opens the evidence of every criterion and the decision. Directors and admins also edit the criteria.
 */
export function LevelEvaluationPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const period = isPeriod(url.period) ? url.period : currentPeriod('quarter');
  const settings = mayEditSettings(user.role);
  const tab = settings && url.tab === 'criteria' ? 'criteria' : 'board';
  const allowed = mayDecideLevels(user.role);
  const evaluations = useLevelEvaluations(period, url.teamId, allowed);
  // Each check is worded from its step's configured criterion (the server's text is the fallback).
  const criteria = useLevelCriteria(allowed);
  if (!allowed) return <ForbiddenPage text={t('levelEvaluation.forbidden')} />;

  const rows = evaluations.data?.data ?? [];
  const open = rows.find((e) => e.repId === url.rep) ?? null;

  const board = (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <PeriodSelect value={period} onChange={(next) => setUrl({ period: next, rep: undefined })} testId="level-period" />
        <TeamFilter value={url.teamId} onChange={(teamId) => setUrl({ teamId })} />
      </Flex>
      {evaluations.isError ? (
        <LoadError error={evaluations.error} onRetry={evaluations.refetch} />
      ) : evaluations.isPending ? (
        <Skeleton active />
      ) : (
        <EvaluationBoard evaluations={rows} onOpen={(rep) => setUrl({ rep })} />
      )}
    </Flex>
  );

  return (
    <>
      <PageHeader title={t('levelEvaluation.title')} />
      <Typography.Paragraph type="secondary">{t('levelEvaluation.intro')}</Typography.Paragraph>
      {settings ? (
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => setUrl({ tab: key === 'board' ? undefined : key })}
            items={[
              { key: 'board', label: t('levelEvaluation.tabs.board'), children: board },
              { key: 'criteria', label: t('levelEvaluation.tabs.criteria'), children: <LevelCriteriaSettings /> },
            ]}
          />
        </Card>
      ) : (
        <Card>{board}</Card>
      )}
      <EvaluationDrawer
        evaluation={open}
        period={period}
        steps={criteria.data?.steps}
        canDecide={allowed}
        onClose={() => setUrl({ rep: undefined })}
        onOpenProfile={(profile) => setUrl({ profile })}
      />
      <RepProfileDrawer userId={url.profile ?? null} onClose={() => setUrl({ profile: undefined })} />
    </>
  );
}
