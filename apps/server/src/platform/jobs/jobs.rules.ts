/** Pure rules of the job queue: retry backoff and schedule slots. */

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * Delay before retry number `attempts` (1 = after the first failure): exponential from 2 s,
 * capped at 6 h, with ±20% jitter from `random` so failed jobs of one burst do not retry in step.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** Start of the schedule slot `now` falls in: slots of `everyMs` counted from the Unix epoch. */
export function slotStart(now: Date, everyMs: number): Date {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/** The dedupe key of one slot of a schedule: every process computes the same one, so only one row lands. */
export function scheduleSlotKey(kind: string, now: Date, everyMs: number): string {
  return `${kind}@${slotStart(now, everyMs).toISOString()}`;
}

/** An error as a short line for the job's `last_error` (stack traces belong in the log). */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
