import type { TLead } from '@tierline/contracts';

type ScoreLine = TLead['scoreBreakdown'][number];

/** The server clamps a lead's score to this range; the lines may add up to more or less. */
export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** Hot leads deserve a call today, warm ones this week; the cut-offs match the score bar's colours. */
export type ScoreBand = 'hot' | 'warm' | 'cold';
const HOT_FROM = 70;
const WARM_FROM = 40;

export function scoreBand(score: number): ScoreBand {
  if (score >= HOT_FROM) return 'hot';
  if (score >= WARM_FROM) return 'warm';
  return 'cold';
}

export const SCORE_BAND_COLORS: Record<ScoreBand, string> = { hot: 'red', warm: 'orange', cold: 'default' };

/** Points with their sign, as a line of the breakdown reads: "+30", "−10" (a real minus sign), "0". */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

export interface ScoreSummary {
  lines: (ScoreLine & { text: string })[];
  /** Σ points of the lines, before clamping. */
  sum: number;
  score: number;
  /** The score differs from the sum because it was cut to 0–100: worth saying, or the lines look wrong. */
  clamped: 'max' | 'min' | null;
}

/**
 * A lead's score as lines that add up, in the order the rules run. The score itself comes from the
 * server (never recomputed here); the sum only explains it, and says when the 0–100 bounds cut it.
 */
export function summariseScore(lead: Pick<TLead, 'score' | 'scoreBreakdown'>): ScoreSummary {
  const lines = lead.scoreBreakdown.map((line) => ({ ...line, text: formatPoints(line.points) }));
  const sum = lines.reduce((total, line) => total + line.points, 0);
  const clamped = sum > MAX_SCORE && lead.score === MAX_SCORE ? 'max' : sum < MIN_SCORE && lead.score === MIN_SCORE ? 'min' : null;
  return { lines, sum, score: lead.score, clamped };
}
