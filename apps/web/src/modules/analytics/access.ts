/** The analytics pages, as tabs under /analytics. */
export type AnalyticsNavKey = 'pipeline' | 'forecast' | 'tiers' | 'market';
export const ANALYTICS_NAV: { key: AnalyticsNavKey; path: string }[] = [
  { key: 'pipeline', path: '/analytics' },
  { key: 'forecast', path: '/analytics/forecast' },
  { key: 'tiers', path: '/analytics/tiers' },
  { key: 'market', path: '/analytics/market' },
];

export function analyticsNavKeyOf(pathname: string): AnalyticsNavKey {
  const match = ANALYTICS_NAV.filter((item) => item.path !== '/analytics' && pathname.startsWith(item.path))[0];
  return match?.key ?? 'pipeline';
}
