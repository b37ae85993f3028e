import type { FastifyPluginAsync } from 'fastify';
import { apiTokensRoutes } from './modules/auth/apiTokens.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { setupRoutes } from './modules/auth/setup.routes.ts';
import { accountTeamsRoutes } from './modules/accountTeams/accountTeams.routes.ts';
import { customersRoutes } from './modules/customers/customers.routes.ts';
import { levelsRoutes } from './modules/levels/levels.routes.ts';
import { poolRoutes } from './modules/pool/pool.routes.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { tierPoliciesRoutes } from './modules/tiers/tierPolicies.routes.ts';
import { tiersRoutes } from './modules/tiers/tiers.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { healthRoutes } from './platform/health.routes.ts';

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
  tierPoliciesRoutes,
  accountTeamsRoutes,
  poolRoutes,
  tiersRoutes,
];
