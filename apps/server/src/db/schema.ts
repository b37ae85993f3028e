// Every table, gathered for Drizzle and drizzle-kit. Tables live in their domain module.

export * from '../modules/accountTeams/accountTeams.table.ts';
export * from '../modules/activities/activities.table.ts';
export * from '../modules/approvals/approvals.table.ts';
export * from '../modules/assignment/assignment.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/commissions/commissions.table.ts';
export * from '../modules/contracts/contracts.table.ts';
export * from '../modules/customers/customers.table.ts';
export * from '../modules/deals/deals.table.ts';
export * from '../modules/imports/imports.table.ts';
export * from '../modules/leads/leads.table.ts';
export * from '../modules/levels/levels.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/orders/orders.table.ts';
export * from '../modules/orgs/orgs.table.ts';
export * from '../modules/performance/performance.table.ts';
export * from '../modules/pipelines/pipelines.table.ts';
export * from '../modules/pool/pool.table.ts';
export * from '../modules/serviceRequests/serviceRequests.table.ts';
export * from '../modules/tasks/tasks.table.ts';
export * from '../modules/teams/teams.table.ts';
export * from '../modules/tiers/tiers.table.ts';
export * from '../modules/users/users.table.ts';
export * from '../modules/webhooks/webhooks.table.ts';
export * from '../platform/audit/audit.table.ts';
export * from '../platform/jobs/jobs.table.ts';
