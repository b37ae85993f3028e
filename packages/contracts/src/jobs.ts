import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp } from './common.ts';

export const ZJobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** A durable job as admins see it. System jobs (org null) show no result: it spans organisations. */
export const ZJob = z.object({
  id: ZId,
  kind: z.string(),
  system: z.boolean(),
  status: ZJobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: ZTimestamp,
  createdAt: ZTimestamp,
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
  lastError: z.string().nullable(),
  result: z.unknown().nullable(),
});

export const ZJobListQuery = ZListQuery.extend({
  status: ZJobStatus.optional(),
  kind: z.string().max(100).optional(),
});

export const ZJobSummary = z.object({
  counts: z.object({ queued: z.number().int(), running: z.number().int(), succeeded: z.number().int(), failed: z.number().int() }),
  /** Due jobs waiting longer than a minute: a sign no worker is running. */
  oldestDueAt: ZTimestamp.nullable(),
});
