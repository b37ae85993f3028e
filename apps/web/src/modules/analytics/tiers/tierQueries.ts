import type { TAnalyticsFilters } from '@tierline/contracts';

/** The customer filters every tier figure takes (the pipeline does not apply to customers). */
export function scopeQuery(f: TAnalyticsFilters) {
  return { teamId: f.teamId, repId: f.repId, region: f.region, levelId: f.levelId, tierId: f.tierId };
}

/** Figures over the window, with the previous window when compare is on. */
export const windowQuery = (f: TAnalyticsFilters) => ({ ...scopeQuery(f), from: f.from, to: f.to, compare: f.compare });

/** The migration matrix compares two dates (the window's ends), so there is no previous one. */
export const migrationQuery = (f: TAnalyticsFilters) => ({ ...scopeQuery(f), from: f.from, to: f.to });

/** The customers list filtered as the figure was, as far as its filters reach (not by level): the records behind it. */
export function customersLink(f: TAnalyticsFilters, tierId?: string): string {
  const params = new URLSearchParams();
  const filters = { tierId: tierId ?? f.tierId, teamId: f.teamId, region: f.region, ownerId: f.repId };
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/customers?${query}` : '/customers';
}
