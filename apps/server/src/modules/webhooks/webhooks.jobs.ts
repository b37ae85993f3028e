import { WEBHOOK_TEST_EVENT } from '@tierline/contracts';
import { WEBHOOK_DELIVER_JOB } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { describeError } from '../../platform/jobs/jobs.rules.ts';
import type { JobHandler, JobRecord } from '../../platform/jobs/jobs.types.ts';
import { closeDelivery, findDeliveryToSend, recordAttempt } from './webhooks.repository.ts';
import { WEBHOOK_MAX_ATTEMPTS } from './webhooks.rules.ts';
import { type SendOutcome, sendEvent } from './webhooks.sender.ts';

/** A delivery attempt the receiver did not take (or could not be made): the job fails, and the queue retries it. */
class DeliveryFailed extends Error {
  constructor(readonly outcome: SendOutcome) {
    super(outcome.error ?? 'delivery failed');
    this.name = 'DeliveryFailed';
  }
}

type Prepared = { skip: 'gone' | 'delivered' | 'inactive' } | { outcome: SendOutcome };

const target = (job: JobRecord) => ({ orgId: job.orgId as string, deliveryId: String(job.payload.deliveryId) });

/**
 * `webhooks.deliver`: posts one delivery (decision 0022). The HTTP call runs in `prepare`, outside the job's
 * transaction; a 2xx is logged with the job's completion, anything else fails the job — the queue retries with
 * backoff for at least 24 h (WEBHOOK_MAX_ATTEMPTS) and `onFailure` logs each failed attempt, the last one
 * marking the delivery failed. A delivery already made (by hand) or gone (subscription deleted) is skipped.
 */
export function webhookDeliveryJob(settings: { webhookAllowPrivate: boolean }): JobHandler {
  return {
    kind: WEBHOOK_DELIVER_JOB,
    maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    prepare: async ({ db, clock, job }): Promise<Prepared> => {
      const { orgId, deliveryId } = target(job);
      const found = await findDeliveryToSend(db, orgId, deliveryId);
      if (!found) return { skip: 'gone' };
      if (found.delivery.status === 'succeeded') return { skip: 'delivered' };
      if (!found.active && found.delivery.eventType !== WEBHOOK_TEST_EVENT) return { skip: 'inactive' };
      const outcome = await sendEvent(
        { url: found.url, secret: found.secret, payload: found.delivery.payload },
        { now: clock.now(), allowPrivate: settings.webhookAllowPrivate },
      );
      if (!outcome.ok) throw new DeliveryFailed(outcome);
      return { outcome };
    },
    run: async ({ tx, job, prepared }) => {
      const { orgId, deliveryId } = target(job);
      const p = prepared as Prepared;
      if ('skip' in p) {
        if (p.skip === 'inactive') await closeDelivery(tx, orgId, deliveryId, 'not sent: the subscription is switched off');
        return { skipped: p.skip };
      }
      const { at, statusCode, durationMs } = p.outcome;
      await recordAttempt(
        tx,
        orgId,
        deliveryId,
        newId(),
        { at, statusCode, durationMs, error: null, manual: false },
        { status: 'succeeded', nextAttemptAt: null },
      );
      return { deliveryId, statusCode, durationMs };
    },
    onFailure: async ({ tx, clock, job, error, final, retryAt }) => {
      const { orgId, deliveryId } = target(job);
      const outcome =
        error instanceof DeliveryFailed
          ? error.outcome
          : { at: clock.now(), statusCode: null, durationMs: null, error: describeError(error) };
      await recordAttempt(
        tx,
        orgId,
        deliveryId,
        newId(),
        { at: outcome.at, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error, manual: false },
        { status: final ? 'failed' : 'pending', nextAttemptAt: retryAt },
      );
    },
  };
}
