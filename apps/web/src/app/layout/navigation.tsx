import {
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FundOutlined,
  ImportOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TRole } from '@tierline/contracts';
import type { ReactNode } from 'react';
import { IMPORT_ROLES, TIER_RULE_ROLES } from '../../shared/roles.ts';

/** Keys of the nav.* messages; each module's label is t(`nav.${key}`). */
export type NavKey =
  | 'dashboard'
  | 'customers'
  | 'pool'
  | 'tierRules'
  | 'leads'
  | 'deals'
  | 'contracts'
  | 'approvals'
  | 'activities'
  | 'service'
  | 'imports'
  | 'performance'
  | 'training'
  | 'analytics'
  | 'users'
  | 'teams'
  | 'auditLog'
  | 'assignmentRules'
  | 'jobs'
  | 'webhooks';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Shown only to these roles (the server refuses the others anyway). */
  roles?: readonly TRole[];
}

/** The modules everyone sees (the server still decides what data each person gets). */
export const MAIN_NAV: NavItem[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'customers', path: '/customers', icon: <ShopOutlined /> },
  { key: 'pool', path: '/customers/pool', icon: <InboxOutlined /> },
  { key: 'tierRules', path: '/customers/tier-rules', icon: <ApartmentOutlined />, roles: TIER_RULE_ROLES },
  { key: 'leads', path: '/leads', icon: <AimOutlined /> },
  { key: 'deals', path: '/deals', icon: <FundOutlined /> },
  { key: 'contracts', path: '/contracts', icon: <FileDoneOutlined /> },
  { key: 'approvals', path: '/approvals', icon: <CheckSquareOutlined /> },
  { key: 'activities', path: '/activities', icon: <ScheduleOutlined /> },
  { key: 'service', path: '/service', icon: <CustomerServiceOutlined /> },
  { key: 'imports', path: '/imports', icon: <ImportOutlined />, roles: IMPORT_ROLES },
  { key: 'performance', path: '/performance', icon: <TrophyOutlined /> },
  { key: 'training', path: '/training', icon: <ReadOutlined /> },
  { key: 'analytics', path: '/analytics', icon: <BarChartOutlined /> },
];

/** The 系统管理 group, shown to admins only. */
export const ADMIN_NAV: NavItem[] = [
  { key: 'users', path: '/admin/users', icon: <UserOutlined /> },
  { key: 'teams', path: '/admin/teams', icon: <TeamOutlined /> },
  { key: 'assignmentRules', path: '/admin/assignment-rules', icon: <NodeIndexOutlined /> },
  { key: 'jobs', path: '/admin/jobs', icon: <ClusterOutlined /> },
  { key: 'webhooks', path: '/admin/webhooks', icon: <ApiOutlined /> },
  { key: 'auditLog', path: '/admin/audit-log', icon: <AuditOutlined /> },
];

export const ADMIN_GROUP_ICON = <SettingOutlined />;
export const ADMIN_GROUP_KEY = 'admin';

/** The nav item a URL belongs to: the longest matching path, so /admin/users/42 lights up Users. */
export function activeNavKey(pathname: string): NavKey | undefined {
  const matches = [...MAIN_NAV, ...ADMIN_NAV].filter(
    (item) => pathname === item.path || (item.path !== '/' && pathname.startsWith(`${item.path}/`)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}
