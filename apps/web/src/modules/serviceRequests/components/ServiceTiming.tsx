import type { TServiceRequest } from '@tierline/contracts';
import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { useNow } from '../../notifications/useNow.ts';
import { slaState } from '../sla.ts';
import { useDurationText } from '../useDurationText.ts';

/**
 * 受理 → 首次响应 → 解决, each with its time; the SLA deadline sits under the first answer, which is
 * what it measures (docs/decisions/0021). A step past its deadline is shown as an error.
 */
export function ServiceTiming({ request: r }: { request: TServiceRequest }) {
  const { t, i18n } = useTranslation();
  const duration = useDurationText();
  const now = useNow();
  const at = (iso: string | null) => formatDateTime(iso, i18n.language);
  const sla = slaState(r, now);
  const lateAnswer = sla.kind === 'late' || sla.kind === 'overdue';
  const current = r.resolvedAt ? 2 : r.firstAnsweredAt ? 1 : 0;

  const deadline = r.slaDueAt ? t('service.sla.dueLine', { at: at(r.slaDueAt), hours: r.slaHours ?? '—' }) : t('service.sla.none');

  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current}
      data-testid="service-timing"
      items={[
        {
          title: t('service.steps.opened'),
          status: 'finish',
          content: at(r.openedAt),
        },
        {
          title: t('service.steps.answered'),
          status: r.firstAnsweredAt ? (lateAnswer ? 'error' : 'finish') : lateAnswer ? 'error' : 'process',
          content: (
            <Typography.Text type="secondary">
              <div>
                {r.firstAnsweredAt
                  ? `${at(r.firstAnsweredAt)}${r.firstResponseMinutes !== null ? ` · ${t('service.sla.took', { time: duration(r.firstResponseMinutes) })}` : ''}`
                  : t('service.notAnswered')}
              </div>
              <div>{deadline}</div>
            </Typography.Text>
          ),
        },
        {
          title: t('service.steps.resolved'),
          status: r.resolvedAt ? 'finish' : 'wait',
          content: r.resolvedAt ? at(r.resolvedAt) : t('service.notResolved'),
        },
      ]}
    />
  );
}
