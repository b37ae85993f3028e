import type { FastifyPluginAsync } from 'fastify';
import { accountTeamsRoutes } from './modules/accountTeams/accountTeams.routes.ts';
import { activitiesRoutes } from './modules/activities/activities.routes.ts';
import { timelineRoutes } from './modules/activities/timeline.routes.ts';
import { analyticsRoutes } from './modules/analytics/analytics.routes.ts';
import { dashboardExportsRoutes } from './modules/analytics/dashboardExports.routes.ts';
import { forecastAnalyticsRoutes } from './modules/analytics/forecastAnalytics.routes.ts';
import { marketAnalyticsRoutes } from './modules/analytics/marketAnalytics.routes.ts';
import { pipelineAnalyticsRoutes } from './modules/analytics/pipelineAnalytics.routes.ts';
import { tiersAnalyticsRoutes } from './modules/analytics/tiersAnalytics.routes.ts';
import { approvalsRoutes } from './modules/approvals/approvals.routes.ts';
import { assignmentRoutes } from './modules/assignment/assignment.routes.ts';
import { apiTokensRoutes } from './modules/auth/apiTokens.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { setupRoutes } from './modules/auth/setup.routes.ts';
import { commissionsRoutes } from './modules/commissions/commissions.routes.ts';
import { contactsRoutes } from './modules/contacts/contacts.routes.ts';
import { contractsRoutes } from './modules/contracts/contracts.routes.ts';
import { paymentsRoutes } from './modules/contracts/payments.routes.ts';
import { customersRoutes } from './modules/customers/customers.routes.ts';
import { dealPartsRoutes } from './modules/deals/dealParts.routes.ts';
import { dealsRoutes } from './modules/deals/deals.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { leadsRoutes } from './modules/leads/leads.routes.ts';
import { levelEvaluationRoutes } from './modules/levels/levelEvaluation.routes.ts';
import { levelsRoutes } from './modules/levels/levels.routes.ts';
import { repProfilesRoutes } from './modules/levels/repProfiles.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { ordersRoutes } from './modules/orders/orders.routes.ts';
import { appraisalRoutes } from './modules/performance/appraisal.routes.ts';
import { forecastsRoutes } from './modules/performance/forecasts.routes.ts';
import { satisfactionRoutes } from './modules/performance/satisfaction.routes.ts';
import { scorecardsRoutes } from './modules/performance/scorecards.routes.ts';
import { targetsRoutes } from './modules/performance/targets.routes.ts';
import { pipelinesRoutes } from './modules/pipelines/pipelines.routes.ts';
import { poolRoutes } from './modules/pool/pool.routes.ts';
import { serviceRequestsRoutes } from './modules/serviceRequests/serviceRequests.routes.ts';
import { followUpPlansRoutes } from './modules/tasks/followUpPlans.routes.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { tierPoliciesRoutes } from './modules/tiers/tierPolicies.routes.ts';
import { tiersRoutes } from './modules/tiers/tiers.routes.ts';
import { coursesRoutes } from './modules/training/courses.routes.ts';
import { curriculaRoutes } from './modules/training/curricula.routes.ts';
import { developmentPlansRoutes } from './modules/training/developmentPlans.routes.ts';
import { enrolmentsRoutes } from './modules/training/enrolments.routes.ts';
import { skillsRoutes } from './modules/training/skills.routes.ts';
import { triggersRoutes } from './modules/training/triggers.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { healthRoutes } from './platform/health.routes.ts';
import { jobsRoutes } from './platform/jobs/jobs.routes.ts';

/** Every module's routes, registered by app.ts in this order. A new module adds its line here. */
export const moduleRoutes: FastifyPluginAsync[] = [
  healthRoutes,
  setupRoutes,
  authRoutes,
  apiTokensRoutes,
  usersRoutes,
  teamsRoutes,
  levelsRoutes,
  auditRoutes,
  customersRoutes,
  contactsRoutes,
  ordersRoutes,
  pipelinesRoutes,
  dealsRoutes,
  dealPartsRoutes,
  approvalsRoutes,
  contractsRoutes,
  paymentsRoutes,
  analyticsRoutes,
  pipelineAnalyticsRoutes,
  forecastAnalyticsRoutes,
  tiersAnalyticsRoutes,
  marketAnalyticsRoutes,
  dashboardExportsRoutes,
  targetsRoutes,
  appraisalRoutes,
  satisfactionRoutes,
  forecastsRoutes,
  scorecardsRoutes,
  repProfilesRoutes,
  levelEvaluationRoutes,
  commissionsRoutes,
  coursesRoutes,
  curriculaRoutes,
  enrolmentsRoutes,
  skillsRoutes,
  developmentPlansRoutes,
  triggersRoutes,
  tierPoliciesRoutes,
  accountTeamsRoutes,
  poolRoutes,
  tiersRoutes,
  leadsRoutes,
  importsRoutes,
  assignmentRoutes,
  activitiesRoutes,
  timelineRoutes,
  tasksRoutes,
  followUpPlansRoutes,
  serviceRequestsRoutes,
  notificationsRoutes,
  jobsRoutes,
  webhooksRoutes,
];
