import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TeamFilter } from '../../levels/components/TeamFilter.tsx';
import { COACH_ROLES } from '../access.ts';
import { SkillHeatMap, SkillLegend } from '../team/SkillHeatMap.tsx';
import { useSkillsMatrix } from '../team/team.api.ts';

/**
 * 技能矩阵: reps × skills, self- and manager-assessed side by side. A rep sees their own row and rates themselves;
 * managers rate their teams' reps, directors and admins anyone's; viewers read.
 */
export function SkillsMatrixPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<{ teamId?: string }>();
  const matrix = useSkillsMatrix(user.role === 'rep' ? undefined : url.teamId);
  const hint =
    user.role === 'rep' ? t('trainingTeam.skills.ownRow') : COACH_ROLES.includes(user.role) ? t('trainingTeam.skills.managerHint') : null;

  return (
    <>
      <PageHeader
        title={t('trainingTeam.skills.title')}
        extra={<TeamFilter value={url.teamId} onChange={(teamId) => setUrl({ teamId })} />}
      />
      <Typography.Paragraph type="secondary">{t('trainingTeam.skills.intro')}</Typography.Paragraph>
      {matrix.isError && !matrix.data ? (
        <LoadError error={matrix.error} onRetry={matrix.refetch} />
      ) : !matrix.data ? (
        <Skeleton active />
      ) : matrix.data.skills.length === 0 ? (
        <Card>
          <Alert type="info" showIcon title={t('trainingTeam.skills.noSkills')} />
        </Card>
      ) : (
        <Card size="small">
          <Flex vertical gap={12}>
            {hint && <Alert type="info" showIcon title={hint} />}
            <SkillLegend />
            <SkillHeatMap matrix={matrix.data} loading={matrix.isFetching && matrix.isPlaceholderData} />
          </Flex>
        </Card>
      )}
    </>
  );
}
