// Placeholder wired by the lead; the page is being built.
export function FollowUpPlansPage() {
  return null;
}
