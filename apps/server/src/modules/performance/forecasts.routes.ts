import { listOf, ZForecastCommit, ZForecastCommitListQuery, ZForecastCommitUpsert } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf } from '../../platform/versioning.ts';
import { commitForecast, commitView, listForecastCommits } from './forecasts.usecases.ts';

const versionOf = (ifMatch: string | undefined) => {
  const m = ifMatch?.match(/^(?:W\/)?"?(\d+)"?$/);
  return m ? Number(m[1]) : undefined;
};

/** Forecast commits (提交预测), the input of forecast accuracy (decision 0026). */
export const forecastsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/forecast-commits',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Forecast commits I may see: a rep their own, a manager their teams’',
        querystring: ZForecastCommitListQuery,
        response: { 200: listOf(ZForecastCommit) },
      },
    },
    async (req) => listForecastCommits(ctxOf(req), req.query),
  );
  app.put(
    '/api/v1/forecast-commits',
    {
      config: { access: access.writers },
      schema: {
        tags: ['performance'],
        summary:
          'Commit what I (or, for a manager, a rep of my teams: repId) will win in a period; replaces the earlier commit until the period ends. If-Match is checked when sent',
        body: ZForecastCommitUpsert,
        response: { 200: ZForecastCommit, 201: ZForecastCommit },
      },
    },
    async (req, reply) => {
      const { commit, created } = await commitForecast(ctxOf(req), req.body, versionOf(req.headers['if-match']));
      return reply
        .code(created ? 201 : 200)
        .header('etag', etagOf(commit.version))
        .send(commitView(commit));
    },
  );
};
