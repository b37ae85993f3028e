import { ZKpiDefinition, ZLeaderboardQuery, ZLeaderboardRow, ZScorecard, ZScorecardQuery } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { kpiCatalogue } from './kpis.rules.ts';
import { leaderboard, scorecardsInScope } from './scorecards.usecases.ts';

/** The scoring, as the API reference states it (decision 0026; scorecard.rules.ts computes exactly this). */
const SCORING = [
  'Actuals are computed from the records for the period [from, to) in the organisation’s time zone (GET /api/v1/kpis lists every formula).',
  'Target: the rep’s own for the period, else their level’s default for the period kind (level in force at the period’s end); a team’s own, else its reps’ summed (money, counts) or averaged (rates, satisfaction).',
  'attainment = actual ÷ target, 4 decimals; a zero target counts as met (1); no value to measure counts 0; without a target the KPI is left out and its weight is shared among the others.',
  'effectiveWeight = weight × 100 ÷ Σ weights of the KPIs with a target; points = effectiveWeight × min(attainment, attainmentCap), 1 decimal.',
  'quantitativeScore = min(100, Σ points). qualitativeScore = Σ criterion points, each score ÷ 5 × 100 × weight ÷ Σ criterion weights, from the submitted (or locked) manager review; a criterion without a rating scores 0; no review → null, counted as 0, complete = false.',
  'total = quantitativeWeight % × quantitativeScore + qualitativeWeight % × qualitativeScore, 1 decimal; a team’s total is its quantitative score. grade = the first band, highest minimum first, the total reaches (default S ≥ 95, A ≥ 85, B ≥ 70, C ≥ 60, else D).',
  'The scheme (weights, cap, bands, split) is the appraisal cycle of the period; without one: 70/30, cap 1.5, revenueWon 40, paymentsCollected 30, newCustomers 10, activities 10, followUpCompliance 10; managerRating 50, customerFeedback 25, teamwork 25.',
].join('\n\n');

export const scorecardsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/scorecards',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Scorecards of a period: a rep’s (repId), a team’s followed by its reps’ (teamId), or every rep in my scope',
        description: `A rep sees their own; a manager their teams’ reps and teams; directors, admins and viewers the organisation’s. Out of scope answers 404.\n\n${SCORING}`,
        querystring: ZScorecardQuery,
        response: { 200: z.object({ data: z.array(ZScorecard) }) },
      },
    },
    async (req) => ({ data: await scorecardsInScope(ctxOf(req), req.query) }),
  );
  app.get(
    '/api/v1/leaderboards',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Reps of the organisation, a team or a level ranked by a KPI or the total score',
        description: `Visible to everyone signed in to the organisation. Highest first, reps without a value last; equal values share a rank (1, 2, 2, 4). A level means the level in force at the period’s end.\n\n${SCORING}`,
        querystring: ZLeaderboardQuery,
        response: { 200: z.object({ data: z.array(ZLeaderboardRow) }) },
      },
    },
    async (req) => ({ data: await leaderboard(ctxOf(req), req.query) }),
  );
  app.get(
    '/api/v1/kpis',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Every KPI with its unit and formula',
        description: `Money has 2 decimals, rates are fractions 0–1 with 4, satisfaction a mean 1–5 with 2, counts whole numbers.\n\n${SCORING}`,
        response: { 200: z.object({ data: z.array(ZKpiDefinition) }) },
      },
    },
    async () => ({ data: kpiCatalogue() }),
  );
};
