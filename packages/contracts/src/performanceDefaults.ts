import type { TScoringScheme } from './performance.ts';

/**
 * Values of the performance contracts without zod, so the web can import them (`@tierline/contracts/performanceDefaults`)
 * without pulling the schemas into its bundle.
 */

export const KPI_KEYS = [
  'revenueWon',
  'paymentsCollected',
  'newCustomers',
  'orders',
  'winRate',
  'activities',
  'activities.call',
  'activities.email',
  'activities.visit',
  'activities.meeting',
  'satisfaction',
  'followUpCompliance',
  'forecastAccuracy',
] as const;

/** Used when the period has no appraisal cycle, and for any level a cycle gives no scheme of its own. */
export const DEFAULT_SCORING_SCHEME: TScoringScheme = {
  quantitativeWeight: 70,
  attainmentCap: 1.5,
  gradeBands: [
    { grade: 'S', min: 95 },
    { grade: 'A', min: 85 },
    { grade: 'B', min: 70 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: 0 },
  ],
  levels: [
    {
      levelId: null,
      kpis: [
        { kpi: 'revenueWon', weight: 40 },
        { kpi: 'paymentsCollected', weight: 30 },
        { kpi: 'newCustomers', weight: 10 },
        { kpi: 'activities', weight: 10 },
        { kpi: 'followUpCompliance', weight: 10 },
      ],
      criteria: [
        { key: 'managerRating', weight: 50 },
        { key: 'customerFeedback', weight: 25 },
        { key: 'teamwork', weight: 25 },
      ],
    },
  ],
};
