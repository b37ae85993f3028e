/** Placeholder until built (issue 8): outcome triggers and their fire log, a tab of the training settings. */
export function TriggersSettings() {
  return null;
}
