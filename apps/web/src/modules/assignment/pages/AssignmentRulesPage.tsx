import { MoreOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { TAssignmentEntity, TAssignmentRule } from '@tierline/contracts';
import { App, Button, Card, Dropdown, Empty, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { ENTITIES, RULE_EDITOR_ROLES, useAssignmentRules, useInstallDefaults } from '../assignment.api.ts';
import { ExplainDrawer } from '../components/ExplainDrawer.tsx';
import { RuleFormModal } from '../components/RuleFormModal.tsx';
import { RuleList } from '../components/RuleList.tsx';

const isEntity = (value: string | undefined): value is TAssignmentEntity => ENTITIES.includes(value as TAssignmentEntity);

/**
 * 系统管理 → 分配规则: per entity, the rules in the order they are tried, edited, reordered and
 * switched on and off here; "试一试" explains how any record was (or would now be) assigned.
 */
export function AssignmentRulesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const user = useCurrentUser();
  const editable = RULE_EDITOR_ROLES.includes(user.role);
  // The tab is in the URL (?entity=deal), so a link or a reload keeps it.
  const [filters, setFilters] = useUrlFilters<{ entity?: string }>();
  const entity: TAssignmentEntity = isEntity(filters.entity) ? filters.entity : 'lead';
  const rules = useAssignmentRules();
  const install = useInstallDefaults();
  // undefined: editor closed; null: creating; a rule: editing it.
  const [editing, setEditing] = useState<TAssignmentRule | null | undefined>(undefined);
  const [explaining, setExplaining] = useState(false);

  const installDefaults = (replace: boolean) =>
    install.mutateAsync(replace).then(
      () => void message.success(t('assignment.rules.installed')),
      (error: unknown) => showError(error),
    );

  const confirmRestore = () =>
    modal.confirm({
      title: t('assignment.rules.restoreTitle'),
      content: t('assignment.rules.restoreText', { n: rules.rules.length }),
      okText: t('assignment.rules.restoreOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => installDefaults(true),
    });

  if (rules.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (rules.isError) return <LoadError error={rules.error} onRetry={rules.refetch} />;

  const header = (
    <PageHeader
      title={t('assignment.title')}
      extra={
        <Space wrap>
          <Button icon={<SearchOutlined />} onClick={() => setExplaining(true)}>
            {t('assignment.explain.tryIt')}
          </Button>
          {editable && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('assignment.rules.create')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [{ key: 'restore', label: t('assignment.rules.restoreDefaults'), disabled: !rules.rules.length }],
                  onClick: confirmRestore,
                }}
              >
                <Button icon={<MoreOutlined />} aria-label={t('assignment.rules.more')} />
              </Dropdown>
            </>
          )}
        </Space>
      }
    />
  );

  return (
    <>
      {header}
      <Typography.Paragraph type="secondary" style={{ maxWidth: 880 }}>
        {t('assignment.intro')}
      </Typography.Paragraph>
      {rules.rules.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                  {t('assignment.rules.emptyOrg')}
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ maxWidth: 520, margin: '0 auto' }}>
                  {t('assignment.rules.emptyOrgHint')}
                </Typography.Paragraph>
              </>
            }
          >
            {editable && (
              <Button type="primary" onClick={() => installDefaults(false)} loading={install.isPending}>
                {t('assignment.rules.installDefaults')}
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <Tabs
          activeKey={entity}
          onChange={(key) => setFilters({ entity: key })}
          items={ENTITIES.map((e) => ({
            key: e,
            label: t('assignment.rules.countTab', { entity: t(`assignment.entities.${e}`), n: rules.byEntity[e].length }),
            children: <RuleList entity={e} rules={rules.byEntity[e]} editable={editable} onEdit={setEditing} />,
          }))}
        />
      )}
      <RuleFormModal
        open={editing !== undefined}
        entity={editing?.entity ?? entity}
        rule={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <ExplainDrawer open={explaining} onClose={() => setExplaining(false)} entity={entity} />
    </>
  );
}
