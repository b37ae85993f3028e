import { CheckCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { TActivity } from '@tierline/contracts';
import { Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../taskDates.ts';

/** A visit that took place, as one line: when, what, where, with whom. */
export function VisitLine({
  visit,
  customerName,
  ownerName,
  timeZone,
  divider = true,
}: {
  visit: TActivity;
  customerName?: string;
  /** Team views: whose visit it was. */
  ownerName?: string;
  timeZone: string;
  /** A line under the row, except under the last of a list. */
  divider?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  // The line under the title is smaller; Typography sets its own size, so it is given here too.
  const small = { fontSize: token.fontSizeSM };
  return (
    <Flex
      vertical
      gap={2}
      style={{ padding: '10px 0', borderBottom: divider ? `1px solid ${token.colorBorderSecondary}` : undefined }}
      data-testid="visit-row"
    >
      <Flex gap={8} align="center" wrap>
        <CheckCircleOutlined style={{ color: token.colorSuccess }} />
        <Typography.Text strong>{visit.subject}</Typography.Text>
        <Tag color="green">{t('tasks.visits.done')}</Tag>
      </Flex>
      <Flex gap={12} wrap style={{ fontSize: token.fontSizeSM }}>
        <Typography.Text type="secondary" style={small}>
          {t('tasks.visits.at', { time: formatTime(visit.checkInAt ?? visit.occurredAt, i18n.language, timeZone) })}
        </Typography.Text>
        {visit.customerId && <Link to={`/customers/${visit.customerId}`}>{customerName ?? '…'}</Link>}
        {visit.location && (
          <Typography.Text type="secondary" style={small}>
            <EnvironmentOutlined /> {visit.location}
          </Typography.Text>
        )}
        {ownerName && (
          <Typography.Text type="secondary" style={small}>
            {ownerName}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
