/**
 * Analytics windows: calendar dates [from, to) as the API takes them (decision 0030). Pure, so the presets are tested
 * without a browser; `today` is the viewer's calendar day (the server reads the window in the organisation's zone).
 */
export type AnalyticsWindow = { from: string; to: string };
export const WINDOW_PRESETS = ['thisMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'last12Months'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

const iso = (y: number, m: number, d = 1): string => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** Today in the viewer's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return iso(now.getFullYear(), now.getMonth(), now.getDate());
}

export function presetWindow(preset: WindowPreset, today: string): AnalyticsWindow {
  const [y, m] = today.split('-').map(Number);
  const month = m - 1;
  const quarterStart = month - (month % 3);
  switch (preset) {
    case 'thisMonth':
      return { from: iso(y, month), to: iso(y, month + 1) };
    case 'thisQuarter':
      return { from: iso(y, quarterStart), to: iso(y, quarterStart + 3) };
    case 'lastQuarter':
      return { from: iso(y, quarterStart - 3), to: iso(y, quarterStart) };
    case 'thisYear':
      return { from: iso(y, 0), to: iso(y + 1, 0) };
    case 'last12Months':
      return { from: iso(y, month - 11), to: iso(y, month + 1) };
  }
}

/** The last day inside [from, to), for showing a window as two inclusive dates. */
export function lastDay(to: string): string {
  const [y, m, d] = to.split('-').map(Number);
  return iso(y, m - 1, d - 1);
}

/** The exclusive end of a window whose last day is `day`. */
export function dayAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return iso(y, m - 1, d + 1);
}
