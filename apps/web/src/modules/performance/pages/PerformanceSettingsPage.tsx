/** Placeholder until its page is built in this change. */
export function PerformanceSettingsPage() {
  return null;
}
