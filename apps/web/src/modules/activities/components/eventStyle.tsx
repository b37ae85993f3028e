import {
  CarryOutOutlined,
  CrownOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  InboxOutlined,
  MailOutlined,
  PayCircleOutlined,
  PhoneOutlined,
  RiseOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { TActivityKind, TTimelineEvent, TTimelineEventKind } from '@tierline/contracts';
import type { ReactNode } from 'react';

interface Style {
  icon: ReactNode;
  /** antd's palette name, the same word a Tag takes. */
  color: string;
}

/** Hex of the palette names, for the timeline's icons (antd's Timeline colours only its own four). */
const HEX: Record<string, string> = {
  blue: '#1677ff',
  geekblue: '#2f54eb',
  cyan: '#13c2c2',
  green: '#52c41a',
  gold: '#faad14',
  orange: '#fa8c16',
  red: '#f5222d',
  purple: '#722ed1',
  magenta: '#eb2f96',
  gray: '#8c8c8c',
};

/** An icon and a colour per activity kind, so a day of calls reads apart from a visit at a glance. */
export const ACTIVITY_STYLE: Record<TActivityKind, Style> = {
  call: { icon: <PhoneOutlined />, color: 'blue' },
  email: { icon: <MailOutlined />, color: 'cyan' },
  visit: { icon: <EnvironmentOutlined />, color: 'green' },
  meeting: { icon: <TeamOutlined />, color: 'geekblue' },
  note: { icon: <FileTextOutlined />, color: 'gray' },
};

const KIND_STYLE: Record<Exclude<TTimelineEventKind, 'activity'>, Style> = {
  stage_change: { icon: <RiseOutlined />, color: 'purple' },
  tier_change: { icon: <CrownOutlined />, color: 'gold' },
  order: { icon: <ShoppingCartOutlined />, color: 'orange' },
  payment: { icon: <PayCircleOutlined />, color: 'green' },
  assignment: { icon: <UserSwitchOutlined />, color: 'geekblue' },
  pool: { icon: <InboxOutlined />, color: 'orange' },
  milestone: { icon: <FlagOutlined />, color: 'magenta' },
  deal_task: { icon: <CarryOutOutlined />, color: 'cyan' },
};

/** The filter chip's colour and icon for a kind of event. */
export function kindStyle(kind: TTimelineEventKind): Style {
  return kind === 'activity' ? { icon: <PhoneOutlined />, color: 'blue' } : KIND_STYLE[kind];
}

/** The style of one event: an activity's by its own kind; a reclaim in red, a warning in gold. */
export function eventStyle(e: TTimelineEvent): Style & { hex: string } {
  let style: Style;
  if (e.kind === 'activity') style = ACTIVITY_STYLE[e.data.activityKind];
  else if (e.kind === 'pool' && e.data.action === 'reclaim') style = { ...KIND_STYLE.pool, color: 'red' };
  else if (e.kind === 'pool' && e.data.action === 'warning') style = { ...KIND_STYLE.pool, color: 'gold' };
  else style = KIND_STYLE[e.kind];
  return { ...style, hex: HEX[style.color] ?? HEX.gray! };
}
