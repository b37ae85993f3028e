import type { TUser } from '@tierline/contracts';
import { Button, Empty, Flex, Select, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { useCursorList } from '../../../shared/list.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevelName } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { ReviewStatusTag } from './ReviewStatusTag.tsx';
import { isOpenForEdit, mayWrite } from './reviewRules.ts';
import type { TAppraisalCycle, TReview } from './reviews.api.ts';

interface TeamReviewsProps {
  cycle: TAppraisalCycle;
  reviews: TReview[];
  teamId: string | undefined;
  onTeam: (teamId: string | undefined) => void;
  onOpen: (rep: TUser) => void;
}

/**
 * The reps in scope (a manager's teams; for directors and admins the organisation's, by team) with where
 * their manager review and their self review stand.
 */
export function TeamReviews({ cycle, reviews, teamId, onTeam, onOpen }: TeamReviewsProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const levelName = useLevelName();
  const teams = useTeamOptions();
  const managed = teams.teams.filter((team) => team.managerId === user.id);
  const choices = user.role === 'manager' ? managed : teams.teams;
  // A manager always looks at one of their teams; the others may look at everyone.
  const team = user.role === 'manager' ? (choices.find((c) => c.id === teamId) ?? choices[0]) : choices.find((c) => c.id === teamId);
  const list = useCursorList<TUser>(['users', 'list', 'reviewees', team?.id ?? null], '/users', {
    role: 'rep',
    active: 'true',
    sort: 'name',
    teamId: team?.id,
  });
  const of = (repId: string, kind: TReview['kind']) => reviews.find((r) => r.repId === repId && r.kind === kind) ?? null;

  if (user.role === 'manager' && !teams.isPending && managed.length === 0) {
    return <Empty description={t('reviews.noTeam')} />;
  }

  const columns: TableProps<TUser>['columns'] = [
    { key: 'name', title: t('reviews.rep'), dataIndex: 'name' },
    ...(isPhone
      ? []
      : [
          {
            key: 'team',
            title: t('reviews.team'),
            render: (_: unknown, rep: TUser) => (rep.teamId ? (teams.byId.get(rep.teamId)?.name ?? '…') : '—'),
          },
          { key: 'level', title: t('reviews.level'), render: (_: unknown, rep: TUser) => levelName(rep.levelId) },
        ]),
    {
      key: 'manager',
      title: t('reviews.managerReview'),
      render: (_, rep) => <ReviewStatusTag review={of(rep.id, 'manager')} testId="review-manager-state" />,
    },
    {
      key: 'self',
      title: t('reviews.selfReview'),
      render: (_, rep) => {
        const self = of(rep.id, 'self');
        // A rep's draft is theirs until submitted: to the manager it has not been written yet.
        return <ReviewStatusTag review={self?.status === 'draft' ? null : self} testId="review-self-state" />;
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, rep) => {
        const review = of(rep.id, 'manager');
        const writes = isOpenForEdit(cycle, review) && mayWrite(user, 'manager', rep.id, review);
        return (
          <Button size="small" type={writes ? 'primary' : 'default'} onClick={() => onOpen(rep)} data-testid="review-open">
            {writes ? (review ? t('reviews.continue') : t('reviews.write')) : t('reviews.view')}
          </Button>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        {choices.length > 1 && (
          <Select<string>
            allowClear={user.role !== 'manager'}
            placeholder={t('levelEvaluation.allTeams')}
            aria-label={t('reviews.team')}
            value={team?.id}
            onChange={(next) => onTeam(next)}
            options={choices.map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: isPhone ? '100%' : 200 }}
          />
        )}
        <Typography.Text type="secondary">{t('reviews.listHint')}</Typography.Text>
      </Flex>
      <CursorTable<TUser>
        list={list}
        columns={columns}
        locale={{ emptyText: <Empty description={t('reviews.noReps')} /> }}
        data-testid="review-list"
      />
    </Flex>
  );
}
