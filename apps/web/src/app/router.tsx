import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../modules/auth/pages/LoginPage.tsx';
import { TIER_RULE_ROLES } from '../shared/roles.ts';
import { RequireAdmin, RequireRoles, RequireSession, SetupGate } from './guards.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';

// Pages most people never open are loaded on demand, keeping the first load small.
const UsersPage = lazy(() => import('../modules/users/pages/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('../modules/teams/pages/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const AuditLogPage = lazy(() => import('../modules/audit/pages/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })));
const CustomersPage = lazy(() => import('../modules/customers/pages/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('../modules/customers/pages/CustomerPage.tsx').then((m) => ({ default: m.CustomerPage })));
const PoolPage = lazy(() => import('../modules/pool/pages/PoolPage.tsx').then((m) => ({ default: m.PoolPage })));
const TierRulesPage = lazy(() => import('../modules/tiers/pages/TierRulesPage.tsx').then((m) => ({ default: m.TierRulesPage })));
const DealsBoardPage = lazy(() => import('../modules/deals/pages/DealsBoardPage.tsx').then((m) => ({ default: m.DealsBoardPage })));
const DealPage = lazy(() => import('../modules/deals/pages/DealPage.tsx').then((m) => ({ default: m.DealPage })));
const LeadsPage = lazy(() => import('../modules/leads/pages/LeadsPage.tsx').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('../modules/leads/pages/LeadPage.tsx').then((m) => ({ default: m.LeadPage })));
const ContractsPage = lazy(() => import('../modules/contracts/pages/ContractsPage.tsx').then((m) => ({ default: m.ContractsPage })));
const ContractPage = lazy(() => import('../modules/contracts/pages/ContractPage.tsx').then((m) => ({ default: m.ContractPage })));
const ApprovalsPage = lazy(() => import('../modules/approvals/pages/ApprovalsPage.tsx').then((m) => ({ default: m.ApprovalsPage })));
const AssignmentRulesPage = lazy(() =>
  import('../modules/assignment/pages/AssignmentRulesPage.tsx').then((m) => ({ default: m.AssignmentRulesPage })),
);
const MyDayPage = lazy(() => import('../modules/tasks/pages/MyDayPage.tsx').then((m) => ({ default: m.MyDayPage })));
const CalendarPage = lazy(() => import('../modules/tasks/pages/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })));
const FollowUpPlansPage = lazy(() =>
  import('../modules/tasks/pages/FollowUpPlansPage.tsx').then((m) => ({ default: m.FollowUpPlansPage })),
);
const ServiceRequestsPage = lazy(() =>
  import('../modules/serviceRequests/pages/ServiceRequestsPage.tsx').then((m) => ({ default: m.ServiceRequestsPage })),
);
const ServiceRequestPage = lazy(() =>
  import('../modules/serviceRequests/pages/ServiceRequestPage.tsx').then((m) => ({ default: m.ServiceRequestPage })),
);
const ImportsPage = lazy(() => import('../modules/imports/pages/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const PerformanceRoutes = lazy(() =>
  import('../modules/performance/PerformanceRoutes.tsx').then((m) => ({ default: m.PerformanceRoutes })),
);
const TrainingRoutes = lazy(() => import('../modules/training/TrainingRoutes.tsx').then((m) => ({ default: m.TrainingRoutes })));
const AnalyticsRoutes = lazy(() => import('../modules/analytics/AnalyticsRoutes.tsx').then((m) => ({ default: m.AnalyticsRoutes })));
// The dashboards draw charts: ECharts loads with them, not with the sign-in page.
const DashboardPage = lazy(() => import('../modules/dashboard/pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const JobsPage = lazy(() => import('../modules/jobs/pages/JobsPage.tsx').then((m) => ({ default: m.JobsPage })));
const WebhooksPage = lazy(() => import('../modules/webhooks/pages/WebhooksPage.tsx').then((m) => ({ default: m.WebhooksPage })));
const NotificationsPage = lazy(() =>
  import('../modules/notifications/pages/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const NotFoundPage = lazy(() => import('../shared/StatusPages.tsx').then((m) => ({ default: m.NotFoundPage })));
const ApiTokensPage = lazy(() => import('../modules/account/pages/ApiTokensPage.tsx').then((m) => ({ default: m.ApiTokensPage })));

const routes: RouteObject[] = [
  {
    element: <SetupGate />,
    children: [
      // The sign-in page alone loads with the app: the pages below it load on demand, with antd's App (AntAppLayout).
      {
        element: <PublicLayout />,
        children: [{ path: 'login', element: <LoginPage /> }],
      },
      {
        lazy: () => import('./layout/AntAppLayout.tsx').then((m) => ({ Component: m.AntAppLayout })),
        children: [
          {
            element: <PublicLayout />,
            children: [
              { path: 'setup', lazy: () => import('../modules/auth/pages/SetupPage.tsx').then((m) => ({ Component: m.SetupPage })) },
              {
                path: 'reset-password',
                lazy: () => import('../modules/auth/pages/ResetPasswordPage.tsx').then((m) => ({ Component: m.ResetPasswordPage })),
              },
            ],
          },
          {
            element: <RequireSession />,
            children: [
              {
                // The signed-in shell (menu, drawer, notifications) loads after sign-in: the sign-in page stays small.
                lazy: () => import('./layout/AppLayout.tsx').then((m) => ({ Component: m.AppLayout })),
                children: [
                  { index: true, element: <DashboardPage /> },
                  {
                    path: 'customers',
                    children: [
                      { index: true, element: <CustomersPage /> },
                      { path: 'pool', element: <PoolPage /> },
                      {
                        path: 'tier-rules',
                        element: <RequireRoles roles={TIER_RULE_ROLES} />,
                        children: [{ index: true, element: <TierRulesPage /> }],
                      },
                      { path: ':id', element: <CustomerPage /> },
                    ],
                  },
                  {
                    path: 'deals',
                    children: [
                      { index: true, element: <DealsBoardPage /> },
                      { path: ':id', element: <DealPage /> },
                    ],
                  },
                  {
                    path: 'leads',
                    children: [
                      { index: true, element: <LeadsPage /> },
                      { path: ':id', element: <LeadPage /> },
                    ],
                  },
                  {
                    path: 'contracts',
                    children: [
                      { index: true, element: <ContractsPage /> },
                      { path: ':id', element: <ContractPage /> },
                    ],
                  },
                  { path: 'approvals', element: <ApprovalsPage /> },
                  {
                    path: 'activities',
                    children: [
                      { index: true, element: <MyDayPage /> },
                      { path: 'calendar', element: <CalendarPage /> },
                      { path: 'plans', element: <FollowUpPlansPage /> },
                    ],
                  },
                  {
                    path: 'service',
                    children: [
                      { index: true, element: <ServiceRequestsPage /> },
                      { path: ':id', element: <ServiceRequestPage /> },
                    ],
                  },
                  { path: 'imports', element: <ImportsPage /> },
                  { path: 'performance/*', element: <PerformanceRoutes /> },
                  { path: 'training/*', element: <TrainingRoutes /> },
                  { path: 'analytics/*', element: <AnalyticsRoutes /> },
                  { path: 'notifications', element: <NotificationsPage /> },
                  { path: 'account/tokens', element: <ApiTokensPage /> },
                  {
                    path: 'admin',
                    element: <RequireAdmin />,
                    children: [
                      { path: 'users', element: <UsersPage /> },
                      { path: 'teams', element: <TeamsPage /> },
                      { path: 'audit-log', element: <AuditLogPage /> },
                      { path: 'assignment-rules', element: <AssignmentRulesPage /> },
                      { path: 'jobs', element: <JobsPage /> },
                      { path: 'webhooks', element: <WebhooksPage /> },
                      { path: '*', element: <NotFoundPage /> },
                    ],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
