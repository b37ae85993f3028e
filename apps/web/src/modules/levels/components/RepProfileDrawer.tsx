import type { TLevelHistoryEntry } from '@tierline/contracts';
import { App, Badge, Button, Descriptions, Drawer, Empty, Flex, InputNumber, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatDate } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { monthsBetween, todayIso, yearsAndMonths } from '../dates.ts';
import { mayEditCapacity } from '../levelRules.ts';
import { type TRepProfile, useLevelName, useRepProfile, useUpdateRepProfile } from '../levels.api.ts';

/** 销售档案: a rep's level since when and its history, hire date and tenure, capacity and availability. */
export function RepProfileDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const profile = useRepProfile(userId);
  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 520}
      title={profile.data ? t('levelEvaluation.profile.titleOf', { name: profile.data.name }) : t('levelEvaluation.profile.title')}
      destroyOnHidden
    >
      {profile.isPending && userId && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      {profile.isError && <LoadError error={profile.error} onRetry={profile.refetch} />}
      {profile.data && <Profile profile={profile.data} />}
    </Drawer>
  );
}

function Profile({ profile: p }: { profile: TRepProfile }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const levelName = useLevelName();
  const teams = useTeamOptions();
  const lng = i18n.language;
  const tenure = p.hireDate ? yearsAndMonths(monthsBetween(p.hireDate, todayIso())) : null;
  const atLevel = p.levelSince ? yearsAndMonths(monthsBetween(p.levelSince, todayIso())) : null;
  const span = (ym: { years: number; months: number }) =>
    ym.years > 0 ? t('levelEvaluation.profile.yearsMonths', ym) : t('levelEvaluation.profile.monthsOnly', { months: ym.months });

  return (
    <Flex vertical gap={24} data-testid="rep-profile">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'level',
            label: t('levelEvaluation.profile.level'),
            children: (
              <Flex vertical gap={2}>
                <span data-testid="rep-profile-level">{levelName(p.levelId)}</span>
                {p.levelSince && atLevel && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {/* Under a month, "(0 months)" says nothing the date does not. */}
                    {atLevel.years + atLevel.months > 0
                      ? t('levelEvaluation.profile.since', { date: formatDate(p.levelSince, lng), span: span(atLevel) })
                      : t('levelEvaluation.profile.sinceOnly', { date: formatDate(p.levelSince, lng) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'team', label: t('levelEvaluation.profile.team'), children: p.teamId ? (teams.byId.get(p.teamId)?.name ?? '…') : '—' },
          {
            key: 'hireDate',
            label: t('levelEvaluation.profile.hireDate'),
            children: p.hireDate ? formatDate(p.hireDate, lng) : '—',
          },
          { key: 'tenure', label: t('levelEvaluation.profile.tenure'), children: tenure ? span(tenure) : '—' },
          {
            key: 'available',
            label: t('levelEvaluation.profile.availability'),
            children: (
              <Badge
                status={p.available ? 'success' : 'default'}
                text={p.available ? t('levelEvaluation.profile.available') : t('levelEvaluation.profile.unavailable')}
              />
            ),
          },
          {
            key: 'load',
            label: t('levelEvaluation.profile.openDeals'),
            children: (
              <span data-testid="rep-profile-load">
                {p.capacity === null
                  ? t('levelEvaluation.profile.loadNoLimit', { open: p.openDeals })
                  : t('levelEvaluation.profile.load', { open: p.openDeals, capacity: p.capacity })}
              </span>
            ),
          },
          {
            key: 'capacity',
            label: t('levelEvaluation.profile.capacity'),
            children: mayEditCapacity(user.role) ? <CapacityEditor profile={p} /> : <CapacityText profile={p} />,
          },
        ]}
      />
      <Flex vertical gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('levelEvaluation.profile.history')}
        </Typography.Title>
        {p.history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('levelEvaluation.profile.noHistory')} />
        ) : (
          <LevelTimeline history={p.history} />
        )}
      </Flex>
    </Flex>
  );
}

function CapacityText({ profile: p }: { profile: TRepProfile }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <span>{p.capacity === null ? t('levelEvaluation.profile.noLimit') : p.capacity}</span>
      <Tag style={{ marginInlineEnd: 0 }}>{t(`levelEvaluation.profile.capacitySources.${p.capacitySource}`)}</Tag>
    </Flex>
  );
}

/** The rep's own capacity; cleared, the level's applies again. */
function CapacityEditor({ profile: p }: { profile: TRepProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdateRepProfile();
  const own = p.capacitySource === 'rep' ? p.capacity : null;
  const [value, setValue] = useState<number | null>(own);
  useEffect(() => setValue(own), [own]);
  const save = (capacity: number | null) =>
    update.mutate(
      { userId: p.userId, capacity, version: p.version },
      { onSuccess: () => void message.success(t('levelEvaluation.profile.capacitySaved')), onError: (error) => showError(error) },
    );
  return (
    <Flex vertical gap={6}>
      <CapacityText profile={p} />
      <Flex gap={8} wrap>
        <InputNumber<number>
          min={0}
          max={100_000}
          precision={0}
          value={value}
          onChange={setValue}
          placeholder={t('levelEvaluation.profile.capacityPlaceholder')}
          aria-label={t('levelEvaluation.profile.capacity')}
          style={{ width: 140 }}
          data-testid="rep-profile-capacity"
        />
        <Button type="primary" onClick={() => save(value)} loading={update.isPending} disabled={value === own}>
          {t('common.save')}
        </Button>
        {own !== null && (
          <Button onClick={() => save(null)} disabled={update.isPending}>
            {t('levelEvaluation.profile.useLevelCapacity')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

/** Level changes, newest first: the move, since when, why and by whom. */
function LevelTimeline({ history }: { history: TLevelHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName();
  const people = useUsersById(history.map((h) => h.changedBy));
  const sorted = [...history].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Timeline
      data-testid="rep-profile-history"
      items={sorted.map((h) => ({
        key: h.id,
        color: h.reason === 'evaluation' ? 'green' : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {h.fromLevelId
                ? t('levelEvaluation.profile.change', { from: levelName(h.fromLevelId), to: levelName(h.toLevelId) })
                : t('levelEvaluation.profile.set', { to: levelName(h.toLevelId) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                t('levelEvaluation.profile.effectiveOn', { date: formatDate(h.effectiveOn, i18n.language) }),
                t(`levelEvaluation.profile.reasons.${h.reason}`),
                h.changedBy ? (people.get(h.changedBy)?.name ?? '…') : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
