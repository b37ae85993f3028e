import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import type { TServiceRequest } from '@tierline/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { slaState } from '../sla.ts';
import { useDurationText } from '../useDurationText.ts';

/** Less than this left and still unanswered: shown in orange, to be picked up before it turns red. */
const WARN_MINUTES = 60;

/**
 * Where a request stands against its response SLA, in words and colour: the time left (counting down),
 * "超时 3小时" in red once past it, "已在时限内响应" in green when answered in time.
 */
export function SlaText({
  request,
  now,
}: {
  request: Pick<TServiceRequest, 'slaDueAt' | 'firstAnsweredAt' | 'slaRemainingMinutes'>;
  now: Date;
}) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const state = slaState(request, now);
  const common = { 'data-testid': 'sla-text', 'data-sla': state.kind } as const;
  switch (state.kind) {
    case 'none':
      return (
        <Typography.Text type="secondary" {...common}>
          {t('service.sla.none')}
        </Typography.Text>
      );
    case 'remaining':
      return (
        <Typography.Text type={state.minutes < WARN_MINUTES ? 'warning' : undefined} {...common}>
          <ClockCircleOutlined /> {t('service.sla.remaining', { time: duration(state.minutes) })}
        </Typography.Text>
      );
    case 'overdue':
      return (
        <Typography.Text type="danger" strong {...common}>
          <ExclamationCircleFilled /> {t('service.sla.overdue', { time: duration(state.minutes) })}
        </Typography.Text>
      );
    case 'met':
      return (
        <Typography.Text type="success" {...common}>
          <CheckCircleFilled /> {t('service.sla.met')}
        </Typography.Text>
      );
    case 'late':
      return (
        <Typography.Text type="danger" {...common}>
          <ExclamationCircleFilled /> {t('service.sla.late', { time: duration(state.minutes) })}
        </Typography.Text>
      );
  }
}
