import type { TTeamCompliance } from '@tierline/contracts';
import { Empty, Flex, Progress, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLevelName } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { ComplianceCellTag } from './ComplianceStateTag.tsx';
import { type ComplianceRow, complianceColumns, complianceRows, complianceTone } from './complianceGrid.ts';

/**
 * Reps × courses: each cell the rep's state in the course (blank when it does not concern them), the compliance per
 * rep on the left. Wide grids scroll sideways with the rep column kept in view.
 */
export function ComplianceGrid({ data, loading }: { data: TTeamCompliance; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const levelName = useLevelName();
  const teams = useTeamOptions();
  // On a phone only the name stays in view while the courses scroll under it.
  const isPhone = useIsPhone();
  const columns = useMemo(() => complianceColumns(data, lng), [data, lng]);
  const rows = useMemo(() => complianceRows(data, lng), [data, lng]);

  const tableColumns: TableProps<ComplianceRow>['columns'] = [
    {
      key: 'rep',
      title: t('trainingTeam.compliance.rep'),
      fixed: 'left',
      width: isPhone ? 112 : 180,
      render: (_, row) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {row.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {[row.teamId ? teams.byId.get(row.teamId)?.name : null, row.levelId ? levelName(row.levelId) : null]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'compliance',
      title: t('trainingTeam.compliance.compliance'),
      fixed: isPhone ? undefined : 'left',
      width: 130,
      render: (_, row) => {
        const tone = complianceTone(row.compliance);
        return row.compliance === null ? (
          <Typography.Text type="secondary">{t('trainingTeam.compliance.notAsked')}</Typography.Text>
        ) : (
          <Flex vertical gap={0} data-testid="rep-compliance">
            <Progress
              percent={row.compliance}
              size="small"
              status={tone === 'none' ? 'normal' : tone === 'success' ? 'success' : tone}
              strokeColor={tone === 'normal' ? '#faad14' : undefined}
              format={(p) => `${p}%`}
            />
            {row.attention > 0 && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('trainingTeam.compliance.attention', { count: row.attention })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    ...columns.map((course): NonNullable<TableProps<ComplianceRow>['columns']>[number] => ({
      key: course.id,
      align: 'center',
      width: 132,
      title: (
        <Flex vertical gap={2} align="center">
          <Typography.Text strong style={{ fontSize: 13, textAlign: 'center' }} ellipsis={{ tooltip: course.title }}>
            {course.title}
          </Typography.Text>
          <Flex gap={4} wrap justify="center">
            <Tag style={{ marginInlineEnd: 0, fontSize: 11 }}>{t(`training.categories.${course.category}`)}</Tag>
            {course.requiredFor > 0 && (
              <Tag color="gold" style={{ marginInlineEnd: 0, fontSize: 11 }}>
                {t('trainingTeam.compliance.requiredFor', { count: course.requiredFor })}
              </Tag>
            )}
          </Flex>
        </Flex>
      ),
      render: (_, row) => {
        const cell = row.byCourse.get(course.id);
        return cell ? (
          <ComplianceCellTag cell={cell} />
        ) : (
          <Typography.Text type="secondary" aria-label={t('trainingTeam.compliance.notConcerned')}>
            ·
          </Typography.Text>
        );
      },
    })),
  ];

  return (
    <Table<ComplianceRow>
      rowKey="repId"
      size="small"
      bordered
      loading={loading}
      columns={tableColumns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      sticky
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingTeam.compliance.empty')} /> }}
      data-testid="compliance-grid"
    />
  );
}
